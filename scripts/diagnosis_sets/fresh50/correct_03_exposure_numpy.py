"""Poisson rate model in NumPy with the exposure as a multiplier: exposure = exp(log exposure
column), mu = exposure * exp(X W + b); the mean negative log-likelihood mu - y log mu; the
gradient on the log-rate through the rate, (1 - y / mu) * mu. Heavy-ball momentum.

    X: (n, 4) = [3 features, log exposure], y: (n, 1) counts
"""

import numpy as np

LR = 0.05
MU = 0.9


class ExposureRate:
    def __init__(self, n_in=3, seed=60):
        rng = np.random.default_rng(seed)
        self.W = rng.normal(0.0, 0.3, (n_in, 1))
        self.b = np.zeros(1)
        self.velocity = {"W": np.zeros_like(self.W), "b": np.zeros_like(self.b)}

    def train_step(self, X, y):
        exposure = np.exp(X[:, 3:])
        mu = exposure * np.exp(X[:, :3] @ self.W + self.b)
        loss = np.mean(mu - y * np.log(mu))
        dz = (1.0 - y / mu) * mu / len(X)
        grads = {"W": X[:, :3].T @ dz, "b": dz.sum(axis=0)}
        for k, g in grads.items():
            v = self.velocity[k]
            v *= MU
            v += g
            getattr(self, k)[...] -= LR * v
        return float(loss)
