"""Softmax classifier whose softmax normalises over axis=0 (down the batch) instead of over
the classes of each row."""

import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)        # BUG: axis=0 sums over samples, not classes


class SoftmaxNet:
    def __init__(self, X, y, hidden=8, lr=0.5):
        rng = np.random.default_rng(2)
        self.W1 = 0.3 * rng.standard_normal((X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = 0.3 * rng.standard_normal((hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def step(self, X, y):
        h = np.maximum(0, X @ self.W1 + self.b1)
        probs = softmax(h @ self.W2 + self.b2)
        dlogits = (probs - y) / len(X)
        dh = dlogits @ self.W2.T
        dh[h <= 0] = 0
        self.W2 -= self.lr * h.T @ dlogits
        self.b2 -= self.lr * dlogits.sum(axis=0)
        self.W1 -= self.lr * X.T @ dh
        self.b1 -= self.lr * dh.sum(axis=0)
        return probs
