"""The classic tutorial-style network (feedforward() / backprop() on the data given to the
constructor), with (1, h) biases, sigmoid layers and binary cross-entropy. feedforward()
caches the hidden pre-activation before the bias is added (self.z1 = X @ W1, the bias added
on the next line to a new array), and backprop() takes the sigmoid derivative at that
cached value: sigmoid'(X W1) instead of sigmoid'(X W1 + b1)."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    s = sigmoid(z)
    return s * (1.0 - s)


class NeuralNetwork:
    def __init__(self, x, y, hidden=5, lr=0.5):
        rng = np.random.default_rng(11)
        self.input = x
        self.y = y
        self.weights1 = rng.normal(0, 0.5, (x.shape[1], hidden))
        self.bias1 = np.zeros((1, hidden))
        self.weights2 = rng.normal(0, 0.5, (hidden, 1))
        self.bias2 = np.zeros((1, 1))
        self.lr = lr

    def feedforward(self):
        self.z1 = np.dot(self.input, self.weights1)
        self.layer1 = sigmoid(self.z1 + self.bias1)   # BUG: self.z1 must include the bias
        self.output = sigmoid(np.dot(self.layer1, self.weights2) + self.bias2)

    def backprop(self):
        n = self.input.shape[0]
        d_out = (self.y - self.output) / n
        d_hidden = np.dot(d_out, self.weights2.T) * sigmoid_prime(self.z1)
        self.weights2 += self.lr * np.dot(self.layer1.T, d_out)
        self.bias2 += self.lr * d_out.sum(axis=0, keepdims=True)
        self.weights1 += self.lr * np.dot(self.input.T, d_hidden)
        self.bias1 += self.lr * d_hidden.sum(axis=0, keepdims=True)
