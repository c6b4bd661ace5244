"""Zero-inflated Poisson head, NumPy, Adam: weights kept (out, in) as torch keeps them, the
zero likelihood through np.logaddexp, the gate gradient written through the posterior
probability of a structural zero."""
import math

import numpy as np


class ZeroInflatedPoissonMLP:
    def __init__(self, n_in=5, hidden=8, lr=0.01, seed=11):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0, 1.0 / math.sqrt(n_in), size=(hidden, n_in)),
            "b1": rng.normal(0, 0.1, size=hidden),
            "Wg": rng.normal(0, 1.0 / math.sqrt(hidden), size=(1, hidden)),
            "bg": np.array([-0.2]),
            "Wr": rng.normal(0, 1.0 / math.sqrt(hidden), size=(1, hidden)),
            "br": np.array([0.3]),
        }
        self.lr, self.betas, self.eps = lr, (0.9, 0.999), 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        h = np.tanh(X @ p["W1"].T + p["b1"])
        z = h @ p["Wg"][0] + p["bg"][0]
        eta = h @ p["Wr"][0] + p["br"][0]
        lam = np.exp(eta)
        log_pi = -np.logaddexp(0, -z)
        log_1mpi = -np.logaddexp(0, z)
        ll0 = np.logaddexp(log_pi, log_1mpi - lam)
        lgam = np.array([math.lgamma(v + 1.0) for v in y], dtype=y.dtype)
        llp = log_1mpi + y * eta - lam - lgam
        zero = y == 0
        loss = -np.where(zero, ll0, llp).mean()

        pi = np.exp(log_pi)
        post = np.exp(log_pi - ll0)                 # P(structural zero | y = 0)
        # d ll0 / dz = post - pi ; d llp / dz = -pi
        dz = -(np.where(zero, post, 0.0) - pi) / n
        deta = -np.where(zero, -(1 - post) * lam, y - lam) / n
        g = {
            "Wg": (dz @ h)[None, :], "bg": np.array([dz.sum()]),
            "Wr": (deta @ h)[None, :], "br": np.array([deta.sum()]),
        }
        da = (np.outer(dz, p["Wg"][0]) + np.outer(deta, p["Wr"][0])) * (1 - h * h)
        g["W1"] = da.T @ X
        g["b1"] = da.sum(axis=0)

        self.t += 1
        b1_, b2_ = self.betas
        for k in p:
            self.m[k] = b1_ * self.m[k] + (1 - b1_) * g[k]
            self.v[k] = b2_ * self.v[k] + (1 - b2_) * g[k] * g[k]
            step = self.lr / (1 - b1_ ** self.t)
            denom = np.sqrt(self.v[k]) / math.sqrt(1 - b2_ ** self.t) + self.eps
            p[k] -= step * self.m[k] / denom
        return loss
