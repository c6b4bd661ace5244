"""Another correct NumPy Pi-model (see pimodel_numpy.py): weights kept (in, out) as attributes,
three separate forward passes (labelled weak, unlabelled weak, unlabelled strong), the softmax
backward through the full Jacobian diag(p) - p p^T with einsum, Adam written as torch writes
it (step size lr / bc1, denominator sqrt(v) / sqrt(bc2) + eps).
"""

import math

import numpy as np

NAMES = ("W1", "b1", "W2", "b2", "W3", "b3")


class PiModelMLP:
    def __init__(self, n_in=8, hidden=24, n_classes=4, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = (rng.standard_normal((hidden, n_in)) * np.sqrt(2.0 / n_in)).T.copy()
        self.b1 = np.full(hidden, 0.01)
        self.W2 = (rng.standard_normal((hidden, hidden)) * np.sqrt(2.0 / hidden)).T.copy()
        self.b2 = np.full(hidden, 0.01)
        self.W3 = (rng.standard_normal((n_classes, hidden)) / np.sqrt(hidden)).T.copy()
        self.b3 = np.zeros(n_classes)
        self.lr, self.b1_, self.b2_, self.eps = 0.01, 0.9, 0.999, 1e-8
        self.exp_avg = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.exp_avg_sq = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.n_steps = 0

    def _fwd(self, x):
        z1 = x @ self.W1 + self.b1
        a1 = np.where(z1 > 0, z1, 0.0).astype(x.dtype)
        z2 = a1 @ self.W2 + self.b2
        a2 = np.where(z2 > 0, z2, 0.0).astype(x.dtype)
        z = a2 @ self.W3 + self.b3
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True), (x, z1, a1, z2, a2)

    def _back(self, dz, cache, g):
        x, z1, a1, z2, a2 = cache
        g["W3"] += a2.T @ dz
        g["b3"] += dz.sum(axis=0)
        dz2 = (dz @ self.W3.T) * (z2 > 0)
        g["W2"] += a1.T @ dz2
        g["b2"] += dz2.sum(axis=0)
        dz1 = (dz2 @ self.W2.T) * (z1 > 0)
        g["W1"] += x.T @ dz1
        g["b1"] += dz1.sum(axis=0)

    @staticmethod
    def _ramp(t):
        return 10.0 * math.exp(-5.0 * (1.0 - min(t, 10) / 10.0) ** 2)

    def _parts(self, X, y):
        d = X.shape[1] // 2
        lab = y >= 0
        return X[lab, :d], y[lab], X[~lab, :d], X[~lab, d:]

    def loss(self, X, y):
        xl, yl, xw, xs = self._parts(X, y)
        pl, pw, ps = self._fwd(xl)[0], self._fwd(xw)[0], self._fwd(xs)[0]
        return (-np.log(pl[np.arange(len(yl)), yl]).mean()
                + self._ramp(self.n_steps + 1) * np.mean((ps - pw) ** 2)
                - 0.1 * np.mean(np.sum(pw * np.log(pw), axis=1)))

    def train_step(self, X, y):
        xl, yl, xw, xs = self._parts(X, y)
        nl, nu = len(yl), len(xw)
        w = self._ramp(self.n_steps + 1)
        pl, cl = self._fwd(xl)
        pw, cw = self._fwd(xw)
        ps, cs = self._fwd(xs)
        C = pl.shape[1]
        loss = (-np.log(pl[np.arange(nl), yl]).mean() + w * np.mean((ps - pw) ** 2)
                - 0.1 * np.mean(np.sum(pw * np.log(pw), axis=1)))

        onehot = np.zeros_like(pl)
        onehot[np.arange(nl), yl] = 1.0
        dps = 2.0 * w * (ps - pw) / (nu * C)
        dpw = -dps - 0.1 * (np.log(pw) + 1.0) / nu
        jac_w = np.einsum("ni,ij->nij", pw, np.eye(C, dtype=pw.dtype)) - np.einsum("ni,nj->nij", pw, pw)
        jac_s = np.einsum("ni,ij->nij", ps, np.eye(C, dtype=ps.dtype)) - np.einsum("ni,nj->nij", ps, ps)

        g = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self._back((pl - onehot) / nl, cl, g)
        self._back(np.einsum("nij,nj->ni", jac_w, dpw), cw, g)
        self._back(np.einsum("nij,nj->ni", jac_s, dps), cs, g)
        self.grads = g

        self.n_steps += 1
        t = self.n_steps
        bc1 = 1.0 - self.b1_ ** t
        bc2 = 1.0 - self.b2_ ** t
        for k in NAMES:
            p = getattr(self, k)
            self.exp_avg[k] = self.b1_ * self.exp_avg[k] + (1.0 - self.b1_) * g[k]
            self.exp_avg_sq[k] = self.b2_ * self.exp_avg_sq[k] + (1.0 - self.b2_) * g[k] ** 2
            denom = np.sqrt(self.exp_avg_sq[k]) / math.sqrt(bc2) + self.eps
            p -= (self.lr / bc1) * self.exp_avg[k] / denom
        return float(loss)
