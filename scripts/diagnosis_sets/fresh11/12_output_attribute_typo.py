"""Tutorial-style NumPy network (3 -> 5 -> 1, tanh hidden layer, linear output, half the summed
squared error, plain gradient descent) driven by the default step, net.feedforward();
net.backprop(). A typo in feedforward stores the prediction in self.ouput; backprop reads
self.output, which still holds np.zeros(y.shape) from __init__, so every step back-propagates
the error 0 - y of an all-zero prediction instead of output - y."""

import numpy as np


class NeuralNetwork:
    def __init__(self, x, y, n_hidden=5, lr=0.05):
        rng = np.random.default_rng(12)
        self.input = x
        self.y = y
        self.W1 = rng.normal(0, 0.5, (x.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.output = np.zeros(y.shape)
        self.lr = lr

    def feedforward(self):
        self.layer1 = np.tanh(self.input @ self.W1 + self.b1)
        self.ouput = self.layer1 @ self.W2 + self.b2   # BUG: typo in the name: self.output = ...

    def backprop(self):
        d2 = self.output - self.y
        d1 = (d2 @ self.W2.T) * (1 - self.layer1 ** 2)
        self.W2 -= self.lr * self.layer1.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * self.input.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)
