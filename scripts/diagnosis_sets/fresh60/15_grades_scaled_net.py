"""Pointwise baseline: the relevance grade regressed directly, 4 -> 6 tanh -> 1 linear, mean squared
error, plain SGD. The grades are brought to [0, 1] by the batch's largest grade, as the notes on
target scaling suggest.

    X: float (n, 4), y: float (n, 1) grade 0..3
"""

import numpy as np


class GradeRegressor:
    def __init__(self, lr=0.1, seed=15):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (4, 6))
        self.b1 = np.zeros(6)
        self.W2 = rng.normal(0.0, 0.5, (6, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        t = y / y.max()   # fix: t = y
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - t) ** 2)

        dout = 2.0 * (out - t) / n
        dh = (dout @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= self.lr * (h.T @ dout)
        self.b2 -= self.lr * dout.sum(axis=0)
        self.W1 -= self.lr * (X.T @ dh)
        self.b1 -= self.lr * dh.sum(axis=0)
        return float(loss)
