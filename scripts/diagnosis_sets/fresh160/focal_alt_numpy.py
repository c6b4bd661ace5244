"""Correct variant of focal_numpy.py: weights kept (out, in) in a dict, matrix products by
einsum, ELU through expm1, the focal gradient written as w * (p - onehot), Adadelta updates
in place."""

import numpy as np


class FocalMLPAlt:
    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        self.p = {
            "w1": rng.standard_normal((24, 6)) / np.sqrt(6.0),
            "c1": 0.1 * rng.standard_normal(24),
            "w2": rng.standard_normal((3, 24)) / np.sqrt(24.0),
            "c2": np.zeros(3),
        }
        self.gamma = 2.0
        self.lr, self.rho, self.eps = 1.0, 0.95, 1e-6
        self.grads = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.sq = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.acc = {k: np.zeros_like(v) for k, v in self.p.items()}

    def _run(self, X):
        z1 = np.einsum("ni,hi->nh", X, self.p["w1"]) + self.p["c1"]
        a1 = np.where(z1 > 0, z1, np.expm1(np.minimum(z1, 0)))
        logits = np.einsum("nh,oh->no", a1, self.p["w2"]) + self.p["c2"]
        return z1, a1, logits

    def _focal(self, logits, y):
        m = logits.max(axis=1, keepdims=True)
        e = np.exp(logits - m)
        p = e / e.sum(axis=1, keepdims=True)
        idx = np.arange(len(y))
        logpt = (logits - m)[idx, y] - np.log(e.sum(axis=1))
        pt = p[idx, y]
        loss = -np.mean((1 - pt) ** self.gamma * logpt)
        return loss, p, pt, logpt

    def loss(self, X, y):
        return self._focal(self._run(X)[2], y)[0]

    def train_step(self, X, y):
        N = len(y)
        g = self.gamma
        z1, a1, logits = self._run(X)
        loss, p, pt, logpt = self._focal(logits, y)
        w = ((1 - pt) ** g - g * pt * (1 - pt) ** (g - 1) * logpt) / N
        d = p.copy()
        d[np.arange(N), y] -= 1
        d *= w[:, None]
        self.grads["w2"] = np.einsum("no,nh->oh", d, a1)
        self.grads["c2"] = d.sum(axis=0)
        da1 = np.einsum("no,oh->nh", d, self.p["w2"])
        dz1 = np.where(z1 > 0, da1, da1 * np.exp(np.minimum(z1, 0)))
        self.grads["w1"] = np.einsum("nh,ni->hi", dz1, X)
        self.grads["c1"] = dz1.sum(axis=0)
        for k, prm in self.p.items():
            gr = self.grads[k]
            self.sq[k] *= self.rho
            self.sq[k] += (1 - self.rho) * gr ** 2
            step = np.sqrt(self.acc[k] + self.eps) * gr / np.sqrt(self.sq[k] + self.eps)
            self.acc[k] *= self.rho
            self.acc[k] += (1 - self.rho) * step ** 2
            prm -= self.lr * step
        return float(loss)
