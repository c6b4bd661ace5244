"""The classic network with biases; the hidden layer's sigmoid derivative a(1 - a) is fed the
pre-activation z instead of the activation."""

import numpy as np


def sigmoid(x):
    return 1.0 / (1 + np.exp(-x))


def sigmoid_derivative(a):
    return a * (1.0 - a)


class NeuralNetwork:
    def __init__(self, x, y, learning_rate=0.1):
        self.learning_rate = learning_rate
        self.input = x
        self.y = y
        self.weights1 = np.random.rand(x.shape[1], 5)
        self.bias1 = np.zeros(5)
        self.weights2 = np.random.rand(5, 1)
        self.bias2 = np.zeros(1)

    def feedforward(self):
        self.z1 = np.dot(self.input, self.weights1) + self.bias1
        self.layer1 = sigmoid(self.z1)
        self.output = sigmoid(np.dot(self.layer1, self.weights2) + self.bias2)

    def backprop(self):
        d2 = 2 * (self.y - self.output) * sigmoid_derivative(self.output)
        d1 = np.dot(d2, self.weights2.T) * sigmoid_derivative(self.z1)   # BUG: should be self.layer1
        self.weights2 += self.learning_rate * np.dot(self.layer1.T, d2)
        self.bias2 += self.learning_rate * d2.sum(axis=0)
        self.weights1 += self.learning_rate * np.dot(self.input.T, d1)
        self.bias1 += self.learning_rate * d1.sum(axis=0)
