"""Outlier-robust regressor from scratch: 2 -> 8 tanh -> 6 tanh -> 1, the Huber loss with
DELTA = 2 averaged over the rows, Nesterov momentum written as torch does it
(buf = MU buf + g; w -= LR (g + MU buf))."""

import numpy as np

DELTA = 2.0
LR = 0.05
MU = 0.9


class HuberNet:
    NAMES = ("W1", "b1", "W2", "b2", "W3", "b3")

    def __init__(self, X, y):
        rng = np.random.default_rng(31)
        self.W1 = rng.normal(0.0, 0.7, (X.shape[1], 8))
        self.b1 = np.zeros(8)
        self.W2 = rng.normal(0.0, 0.4, (8, 6))
        self.b2 = np.zeros(6)
        self.W3 = rng.normal(0.0, 0.4, (6, 1))
        self.b3 = np.zeros(1)
        self.velocity = {name: np.zeros_like(getattr(self, name)) for name in self.NAMES}

    def train_step(self, X, y):
        h1 = np.tanh(X @ self.W1 + self.b1)
        h2 = np.tanh(h1 @ self.W2 + self.b2)
        pred = h2 @ self.W3 + self.b3
        r = pred - y
        a = np.abs(r)
        loss = np.mean(np.where(a <= DELTA, 0.5 * r * r, DELTA * a - 0.5 * DELTA ** 2))

        d3 = np.clip(r, -DELTA, DELTA) / len(X)
        d2 = (d3 @ self.W3.T) * (1.0 - h2 ** 2)
        d1 = (d2 @ self.W2.T) * (1.0 - h1 ** 2)
        grads = {"W3": h2.T @ d3, "b3": d3.sum(axis=0), "W2": h1.T @ d2, "b2": d2.sum(axis=0),
                 "W1": X.T @ d1, "b1": d1.sum(axis=0)}
        for name, g in grads.items():
            buf = self.velocity[name]
            buf *= MU
            buf += g
            setattr(self, name, getattr(self, name) - LR * (g + MU * buf))
        return float(loss)
