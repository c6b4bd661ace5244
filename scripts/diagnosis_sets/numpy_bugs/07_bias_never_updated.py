"""The hidden bias's gradient is never computed or applied: b1 stays where it started."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class Net:
    def __init__(self, X, y, hidden=5, lr=0.5):
        rng = np.random.default_rng(4)
        self.W1 = rng.normal(0, 1, (X.shape[1], hidden))
        self.b1 = rng.normal(0, 0.1, hidden)
        self.W2 = rng.normal(0, 1, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def step(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(h @ self.W2 + self.b2)
        g_out = 2 * (out - y) * out * (1 - out)
        g_h = g_out @ self.W2.T * h * (1 - h)
        self.W2 -= self.lr * h.T @ g_out
        self.b2 -= self.lr * g_out.sum(axis=0)
        self.W1 -= self.lr * X.T @ g_h
        # BUG: no update for self.b1
