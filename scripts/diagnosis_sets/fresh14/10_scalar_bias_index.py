"""NumPy ReLU regressor (6 -> 9 -> 1, linear output, mean squared error, mini-batches of 10).
The hidden bias used to be a (1, h) row and the forward pass read it as self.b1[0]; when the
bias became a flat (h,) vector the index stayed, so every hidden unit adds b1[0], the first
unit's bias (a scalar broadcast over the layer), while the backward pass and the update still
train all h entries of b1."""

import numpy as np


class ReluRegressor:
    def __init__(self, X, y, n_hidden=9, lr=0.1):
        rng = np.random.default_rng(1410)
        self.W1 = rng.standard_normal((X.shape[1], n_hidden)) * np.sqrt(2.0 / X.shape[1])
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.standard_normal((n_hidden, 1)) * np.sqrt(1.0 / n_hidden)
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1[0]   # BUG: the whole bias vector: X @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        out = h @ self.W2 + self.b2
        err = out - y
        d2 = 2.0 * err / err.size
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        self.W2 -= self.lr * (h.T @ d2)
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d1)
        self.b1 -= self.lr * d1.sum(axis=0)
        return float(np.mean(err ** 2))
