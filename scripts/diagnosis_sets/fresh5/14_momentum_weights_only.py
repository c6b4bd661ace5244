"""Classic blog-post NumPy network (sigmoid hidden and output layers, sum of squared errors)
extended with momentum. The velocities were added for weights1 and weights2 only; the two
biases are still updated by plain gradient descent, bias -= lr * grad, where momentum is
meant for every parameter."""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def sigmoid_derivative(s):
    return s * (1.0 - s)


class NeuralNetwork:
    def __init__(self, x, y, hidden=5, lr=0.1, momentum=0.9):
        rng = np.random.default_rng(14)
        self.weights1 = rng.random((x.shape[1], hidden))
        self.bias1 = np.zeros(hidden)
        self.weights2 = rng.random((hidden, 1))
        self.bias2 = np.zeros(1)
        self.lr, self.momentum = lr, momentum
        self.v_w1 = self.v_w2 = None

    def feedforward(self, x):
        self.layer1 = sigmoid(x @ self.weights1 + self.bias1)
        self.output = sigmoid(self.layer1 @ self.weights2 + self.bias2)
        return self.output

    def backprop(self, x, y):
        delta2 = 2 * (self.output - y) * sigmoid_derivative(self.output)
        delta1 = (delta2 @ self.weights2.T) * sigmoid_derivative(self.layer1)
        d_weights2 = self.layer1.T @ delta2
        d_weights1 = x.T @ delta1
        if self.v_w1 is None:
            self.v_w1, self.v_w2 = np.zeros_like(self.weights1), np.zeros_like(self.weights2)
        self.v_w1 = self.momentum * self.v_w1 + d_weights1
        self.v_w2 = self.momentum * self.v_w2 + d_weights2
        self.weights1 -= self.lr * self.v_w1
        self.weights2 -= self.lr * self.v_w2
        self.bias1 -= self.lr * delta1.sum(axis=0)   # BUG: no velocity for the biases
        self.bias2 -= self.lr * delta2.sum(axis=0)   # BUG: no velocity for the biases

    def train(self, x, y):
        self.feedforward(x)
        self.backprop(x, y)
        return float(np.sum((y - self.output) ** 2))
