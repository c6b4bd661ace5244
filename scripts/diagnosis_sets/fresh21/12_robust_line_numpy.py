"""Robust regression of a noisy line with gross outliers, from scratch: 2 -> 6 tanh -> 1 fitted
with the Huber loss (DELTA = 1: half the squared residual below DELTA, linear above it),
averaged over the rows, gradient descent."""

import numpy as np

DELTA = 1.0
LR = 0.2


class RobustLine:
    def __init__(self, X, y, hidden=6):
        rng = np.random.default_rng(12)
        self.W1 = rng.normal(0.0, 0.6, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.6, (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        pred = h @ self.W2 + self.b2
        r = pred - y
        quadratic = np.abs(r) <= DELTA
        loss = np.mean(np.where(quadratic, 0.5 * r ** 2, DELTA * (np.abs(r) - 0.5 * DELTA)))

        d_pred = DELTA * np.sign(r) / len(X)   # BUG: d_pred = np.clip(r, -DELTA, DELTA) / len(X)
        d_h = (d_pred @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ d_pred)
        self.b2 -= LR * d_pred.sum(axis=0)
        self.W1 -= LR * (X.T @ d_h)
        self.b1 -= LR * d_h.sum(axis=0)
        return float(loss)
