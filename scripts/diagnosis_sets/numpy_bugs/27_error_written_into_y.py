"""The error is built in place in the array it was given: delta = y; delta -= out writes into
the targets, so every later step trains on altered targets."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class InPlaceNet:
    def __init__(self, X, y, hidden=5, lr=0.5):
        rng = np.random.default_rng(21)
        self.W1 = rng.normal(0, 1, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 1, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def train_step(self, X, y):
        a1 = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(a1 @ self.W2 + self.b2)
        delta = y                      # BUG: an alias, not a copy
        delta -= out                   # y - out, written into y
        delta *= -2 * out * (1 - out)  # d(sum (out - y)^2)/dz
        d1 = (delta @ self.W2.T) * a1 * (1 - a1)
        self.W2 -= self.lr * a1.T @ delta
        self.b2 -= self.lr * delta.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)
