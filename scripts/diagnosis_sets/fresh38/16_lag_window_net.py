"""Classifier on a window of the last 6 readings of a sensor (each row oldest first), in NumPy.
The sensor's ring buffer hands out its readings newest first, so the network reads the window in
that order: 6 lags -> 4 tanh units -> one sigmoid unit, mean binary cross-entropy, gradient
descent at 0.5.

    X: (n, 6), y: (n, 1) in {0, 1}
"""

import numpy as np


class LagWindowNet:
    def __init__(self, lags=6, hidden=4, lr=0.5, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (lags, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        window = X[:, ::-1]   # fix: window = X
        h = np.tanh(window @ self.W1 + self.b1)
        p = 1.0 / (1.0 + np.exp(-(h @ self.W2 + self.b2)))
        self.out = p
        d2 = (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= self.lr * (h.T @ d2)
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d1)
        self.b1 -= self.lr * d1.sum(axis=0)
