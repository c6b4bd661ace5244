"""Poisson regression for claim counts in NumPy: log link with an exposure offset, log mu =
X[:, :3] W + b + log(exposure), the log-exposure stored in column 3 of the data. Loss the mean
Poisson negative log-likelihood mu - y log mu (without log y!). Gradient descent.

    X: (n, 4) = [3 features, log exposure], y: (n, 1) counts
"""

import numpy as np

LR = 0.1


class ClaimsModel:
    def __init__(self, n_in=3, seed=52):
        rng = np.random.default_rng(seed)
        self.W = rng.normal(0.0, 0.3, (n_in, 1))
        self.b = np.zeros(1)

    def train_step(self, X, y):
        feats, off = X[:, :3], X[:, 3:]
        eta = feats @ self.W + self.b
        mu = np.exp(eta + off)
        loss = np.mean(mu - y * (eta + off))
        dz = (mu - y) / len(X)
        self.W -= LR * (feats.T @ dz)
        self.b -= LR * dz.sum(axis=0)
        return float(loss)
