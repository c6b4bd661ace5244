"""Poisson regression network in NumPy: 4 -> 8 tanh -> log-rate z, rate = exp(z); the negative
log-likelihood without its constant, mean(exp(z) - y z) (log y! dropped), gradient descent.

    X: (n, 4), y: (n, 1) counts
"""

import numpy as np

LR = 0.1


class CountNet:
    def __init__(self, n_in=4, hidden=8, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.3 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        rate = np.exp(z)
        loss = np.mean(rate - y * z)
        dz = (rate - y) / len(y)
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return float(loss)
