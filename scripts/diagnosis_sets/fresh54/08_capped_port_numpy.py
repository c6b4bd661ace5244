"""Bounded regressor in NumPy: 4 -> 8 tanh -> 1, the output soft-capped to (-C, C) with
C * tanh(z / C) (C = 3: close to the identity for small z, never past the cap), mean squared
error, heavy-ball momentum.

    X: (n, 4), y: (n, 1) in (-3, 3)
"""

import numpy as np

C = 3.0
LR, MU = 0.05, 0.9


class CappedNet:
    def __init__(self, n_in=4, hidden=8, seed=5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.6, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.6, (hidden, 1))
        self.b2 = np.zeros(1)
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        t = np.tanh(z / C)
        out = C * t
        loss = np.mean((out - y) ** 2)

        dout = 2.0 * (out - y) / n
        dz = dout * (1.0 - t ** 2)
        dh = (dz @ self.W2.T) * (1.0 - h ** 2)
        grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dz, "b2": dz.sum(axis=0)}
        for k, g in grads.items():
            self.velocity[k] = MU * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - LR * self.velocity[k])
        return float(loss)
