"""Bias gradients taken as a product with a column of ones made by np.ones (float64): in a
float32 run the biases come out float64."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class Net:
    def __init__(self, X, y, hidden=5, lr=0.5):
        rng = np.random.default_rng(3)
        self.W1 = rng.normal(0, 1, (X.shape[1], hidden)).astype(X.dtype)
        self.b1 = np.zeros((1, hidden), dtype=X.dtype)
        self.W2 = rng.normal(0, 1, (hidden, y.shape[1])).astype(X.dtype)
        self.b2 = np.zeros((1, y.shape[1]), dtype=X.dtype)
        self.lr = lr

    def train_step(self, X, y):
        ones = np.ones((1, X.shape[0]))                 # BUG: float64 whatever X is
        a1 = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(a1 @ self.W2 + self.b2)
        d2 = 2 * (out - y) * out * (1 - out)
        d1 = (d2 @ self.W2.T) * a1 * (1 - a1)
        self.W2 = self.W2 - self.lr * (a1.T @ d2)
        self.b2 = self.b2 - self.lr * (ones @ d2)
        self.W1 = self.W1 - self.lr * (X.T @ d1)
        self.b1 = self.b1 - self.lr * (ones @ d1)
