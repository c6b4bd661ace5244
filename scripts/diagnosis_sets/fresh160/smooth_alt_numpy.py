"""Correct variant of smooth_numpy.py: weights kept (out, in) as attributes, label smoothing
written as (1 - eps) * NLL + eps * mean over classes of -log p, NAdam state updated in place
with the two step terms folded into one."""

import math

import numpy as np


class SmoothNetAlt:
    def __init__(self, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.uniform(-1, 1, (8, 16)).T.copy() / math.sqrt(8)
        self.b1 = rng.uniform(-0.1, 0.1, 16)
        self.W2 = rng.uniform(-1, 1, (16, 12)).T.copy() / math.sqrt(16)
        self.b2 = rng.uniform(-0.1, 0.1, 12)
        self.W3 = rng.uniform(-1, 1, (12, 4)).T.copy() / math.sqrt(12)
        self.b3 = rng.uniform(-0.1, 0.1, 4)
        self.names = ["W1", "b1", "W2", "b2", "W3", "b3"]
        self.eps_ls = 0.1
        self.lr, self.b1_, self.b2_, self.eps, self.psi = 0.01, 0.9, 0.999, 1e-8, 4e-3
        self.exp_avg = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.exp_avg_sq = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.mu_prod = 1.0
        self.n = 0
        self.grads = {}

    def _fwd(self, X):
        z1 = X @ self.W1.T + self.b1
        s1 = 1.0 / (1.0 + np.exp(-z1))
        h1 = z1 * s1
        z2 = h1 @ self.W2.T + self.b2
        sp = np.where(z2 > 0, z2 + np.log1p(np.exp(-np.abs(z2))), np.log1p(np.exp(-np.abs(z2))))
        t = np.tanh(sp)
        h2 = z2 * t
        out = h2 @ self.W3.T + self.b3
        return out, z1, s1, h1, z2, t, h2

    def _loss(self, out, y):
        lse = np.log(np.sum(np.exp(out - out.max(1, keepdims=True)), 1, keepdims=True)) \
            + out.max(1, keepdims=True)
        logp = out - lse
        nll = -logp[np.arange(len(y)), y]
        smooth = -logp.mean(axis=1)
        return np.mean((1 - self.eps_ls) * nll + self.eps_ls * smooth), logp

    def loss(self, X, y):
        return self._loss(self._fwd(X)[0], y)[0]

    def train_step(self, X, y):
        out, z1, s1, h1, z2, t, h2 = self._fwd(X)
        loss, logp = self._loss(out, y)
        N, K = out.shape
        d = np.exp(logp) - self.eps_ls / K
        d[np.arange(N), y] -= 1 - self.eps_ls
        d /= N
        g = self.grads
        g["W3"], g["b3"] = d.T @ h2, d.sum(0)
        d = (d @ self.W3) * (t + z2 * (1 - t * t) / (1 + np.exp(-z2)))
        g["W2"], g["b2"] = d.T @ h1, d.sum(0)
        d = (d @ self.W2) * s1 * (1 + z1 * (1 - s1))
        g["W1"], g["b1"] = d.T @ X, d.sum(0)

        self.n += 1
        mu = self.b1_ * (1 - 0.5 * 0.96 ** (self.n * self.psi))
        mu1 = self.b1_ * (1 - 0.5 * 0.96 ** ((self.n + 1) * self.psi))
        self.mu_prod *= mu
        c_g = (1 - mu) / (1 - self.mu_prod)
        c_m = mu1 / (1 - self.mu_prod * mu1)
        for k in self.names:
            m, v, w = self.exp_avg[k], self.exp_avg_sq[k], getattr(self, k)
            m *= self.b1_
            m += (1 - self.b1_) * g[k]
            v *= self.b2_
            v += (1 - self.b2_) * g[k] ** 2
            denom = np.sqrt(v / (1 - self.b2_ ** self.n)) + self.eps
            w -= self.lr * (c_g * g[k] + c_m * m) / denom
        return float(loss)
