"""The classic tutorial network (4 -> 6 -> 1, sigmoid hidden and output, summed squared error,
plain gradient descent) with a train_step(X, y) added for mini-batches of 12. feedforward and
backprop read self.input and self.y; train_step stores its batch in self.batch, which nothing
reads, so every step still trains on the arrays given to the constructor (the whole data set,
48 rows) instead of the step's mini-batch."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class NeuralNetwork:
    def __init__(self, x, y, n_hidden=6, lr=0.1):
        rng = np.random.default_rng(9)
        self.input = x
        self.y = y
        self.weights1 = rng.random((x.shape[1], n_hidden))
        self.bias1 = np.zeros(n_hidden)
        self.weights2 = rng.random((n_hidden, 1))
        self.bias2 = np.zeros(1)
        self.output = np.zeros(y.shape)
        self.lr = lr
        self.batch = None

    def feedforward(self):
        self.layer1 = sigmoid(self.input @ self.weights1 + self.bias1)
        self.output = sigmoid(self.layer1 @ self.weights2 + self.bias2)

    def backprop(self):
        d2 = 2 * (self.y - self.output) * self.output * (1 - self.output)
        d1 = (d2 @ self.weights2.T) * self.layer1 * (1 - self.layer1)
        self.weights2 += self.lr * self.layer1.T @ d2
        self.bias2 += self.lr * d2.sum(axis=0)
        self.weights1 += self.lr * self.input.T @ d1
        self.bias1 += self.lr * d1.sum(axis=0)

    def train_step(self, X, y):
        self.batch = (X, y)   # BUG: the step's batch must be the network's: self.input, self.y = X, y
        self.feedforward()
        self.backprop()
        return float(np.sum((self.y - self.output) ** 2))
