"""Gamma regression for claim amounts in NumPy: 4 -> 8 tanh -> log-mean z, mu = exp(z) (log
link); the loss is half the Gamma unit deviance, mean(y / mu - log(y / mu) - 1), whose gradient
with respect to z is (1 - y / mu) / n. Gradient descent.

    X: (n, 4), y: (n, 1) positive amounts
"""

import numpy as np

LR = 0.1


class ClaimsNet:
    def __init__(self, n_in=4, hidden=8, seed=4):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.3 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        mu = np.exp(z)
        loss = np.mean(y / mu - np.log(y / mu) - 1.0)
        dz = (1.0 - y * np.exp(-z)) / len(y)
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return float(loss)
