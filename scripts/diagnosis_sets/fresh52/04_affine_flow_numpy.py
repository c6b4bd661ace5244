"""Element-wise affine flow in NumPy, trained by maximum likelihood:
z = (x - mu) * exp(-log_s), log|det dz/dx| = -sum(log_s), base density N(0, I):
NLL = mean over rows of [0.5 sum z^2 + (D/2) log(2 pi) + sum(log_s)], plain gradient descent.

    X: (n, 2) data, y ignored
"""

import numpy as np

LR = 0.1


class AffineFlow:
    def __init__(self, dim=2, seed=1):
        rng = np.random.default_rng(seed)
        self.mu = rng.normal(0.0, 0.5, dim)
        self.log_s = rng.normal(0.0, 0.3, dim)

    def train_step(self, X, y=None):
        n, d = X.shape
        z = (X - self.mu) * np.exp(-self.log_s)
        log_pz = -0.5 * (z ** 2).sum(axis=1) - 0.5 * d * np.log(2 * np.pi)
        log_det = -self.log_s.sum()
        loss = -(log_pz + log_det).mean()

        g = z / n                                   # dL/dz
        d_mu = -(g * np.exp(-self.log_s)).sum(axis=0)
        d_log_s = -(g * z).sum(axis=0) + 1.0
        self.grads = {"mu": d_mu, "log_s": d_log_s}
        self.mu -= LR * d_mu
        self.log_s -= LR * d_log_s
        return float(loss)
