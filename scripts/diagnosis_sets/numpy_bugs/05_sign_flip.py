"""The error is written y - output but the update still subtracts: gradient ascent."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class Network:
    def __init__(self, X, y, hidden=5, lr=0.3):
        rng = np.random.default_rng(0)
        self.W1 = rng.standard_normal((X.shape[1], hidden)) * 0.5
        self.b1 = np.zeros(hidden)
        self.W2 = rng.standard_normal((hidden, y.shape[1])) * 0.5
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def train_step(self, X, y):
        a1 = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(a1 @ self.W2 + self.b2)
        error = y - out                                  # the tutorial's sign...
        d2 = 2 * error * out * (1 - out)
        d1 = (d2 @ self.W2.T) * a1 * (1 - a1)
        self.W2 -= self.lr * a1.T @ d2                   # BUG: ...with the textbook's -=
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)
        return out
