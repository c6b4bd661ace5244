"""tanh hidden layer, sigmoid output, binary cross-entropy. The hidden bias's gradient is
np.sum(delta) with no axis: one scalar, the sum over rows and units, subtracted from every
hidden bias alike."""

import numpy as np


class TanhBCE:
    def __init__(self, X, y, hidden=6, lr=0.5):
        rng = np.random.default_rng(5)
        self.W1 = rng.uniform(-0.5, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.uniform(-0.5, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        o = 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))
        delta2 = (o - y) / n
        delta1 = (delta2 @ self.W2.T) * (1 - h ** 2)
        self.W2 -= self.lr * h.T @ delta2
        self.b2 -= self.lr * np.sum(delta2, axis=0)
        self.W1 -= self.lr * X.T @ delta1
        self.b1 -= self.lr * np.sum(delta1)     # BUG: axis=0 missing: a scalar for all units
        return o
