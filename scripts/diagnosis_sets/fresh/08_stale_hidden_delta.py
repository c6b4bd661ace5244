"""The hidden delta is kept on the object (for a plotting hook) and the W1/b1 update was moved
above the line that refreshes it: the hidden layer is updated with the previous step's delta."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class StaleNet:
    def __init__(self, X, y, hidden=5, lr=0.5):
        rng = np.random.default_rng(11)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 0.5, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr
        self.d1 = np.zeros((X.shape[0], hidden))

    def train_step(self, X, y):
        a1 = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(a1 @ self.W2 + self.b2)
        d2 = 2 * (out - y) * out * (1 - out)
        d1 = (d2 @ self.W2.T) * a1 * (1 - a1)
        self.W2 -= self.lr * a1.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ self.d1          # BUG: self.d1 is still the previous step's
        self.b1 -= self.lr * self.d1.sum(axis=0)
        self.d1 = d1
        return out
