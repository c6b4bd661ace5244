"""Barlow Twins in NumPy, a second hand: weights kept (out, in) as torch keeps them, the products
written with einsum, the loss as one weighted sum over the cross-correlation matrix, the
standardisation backward taken through dvar and dmean, the momentum updated in place.

    z  = relu(relu(x W1^T + b1) W2^T + b2) W3^T       per view, x = X[:, 0] or X[:, 1]
    zn = (z - mean) / sqrt(var + 1e-5)                 biased batch variance
    C  = zn_a^T zn_b / N
    loss = sum_ij w_ij (C_ij - I_ij)^2,  w_ii = 1, w_ij = lam (i != j), lam = 0.05

SGD lr 0.05, momentum 0.9 (v = mu v + g; p -= lr v).

Parameters (self.params): W1 (24, 10), b1, W2 (16, 24), b2, W3 (12, 16).
"""

import numpy as np


class BarlowTwinsAlt:
    def __init__(self, sizes=(10, 24, 16, 12), lr=0.05, momentum=0.9, lam=0.05, eps=1e-5, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i in range(3):
            n_in, n_out = sizes[i], sizes[i + 1]
            self.params[f"W{i + 1}"] = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_out, n_in))
            if i < 2:
                self.params[f"b{i + 1}"] = np.zeros(n_out)
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.momentum, self.lam, self.eps = lr, momentum, lam, eps

    def _forward(self, x):
        p = self.params
        a1 = np.maximum(np.einsum("ni,hi->nh", x, p["W1"]) + p["b1"], 0)
        a2 = np.maximum(np.einsum("nh,rh->nr", a1, p["W2"]) + p["b2"], 0)
        z = np.einsum("nr,dr->nd", a2, p["W3"])
        return z, (x, a1, a2)

    def _weights(self, D, dtype):
        w = np.full((D, D), self.lam, dtype=dtype)
        np.fill_diagonal(w, 1.0)
        return w

    def _stats(self, z):
        mean = z.mean(axis=0)
        var = ((z - mean) ** 2).mean(axis=0)
        return (z - mean) / np.sqrt(var + self.eps), mean, var

    def _cross(self, X):
        X = np.asarray(X).astype(self.params["W1"].dtype, copy=False)
        za, ca = self._forward(X[:, 0])
        zb, cb = self._forward(X[:, 1])
        na, mean_a, var_a = self._stats(za)
        nb, mean_b, var_b = self._stats(zb)
        c = np.einsum("ni,nj->ij", na, nb) / X.shape[0]
        return c, (za, ca, na, mean_a, var_a), (zb, cb, nb, mean_b, var_b)

    def loss(self, X, y=None):
        c, _, _ = self._cross(X)
        D = c.shape[0]
        return (self._weights(D, c.dtype) * (c - np.eye(D, dtype=c.dtype)) ** 2).sum()

    def _std_back(self, dn, z, mean, var):
        N = z.shape[0]
        inv = 1.0 / np.sqrt(var + self.eps)
        dvar = (dn * (z - mean)).sum(axis=0) * -0.5 * inv ** 3
        dmean = -(dn * inv).sum(axis=0) + dvar * (-2.0 * (z - mean)).mean(axis=0)
        return dn * inv + dvar * 2.0 * (z - mean) / N + dmean / N

    def _layers_back(self, dz, cache):
        p, g = self.params, self.grads
        x, a1, a2 = cache
        g["W3"] += np.einsum("nd,nr->dr", dz, a2)
        d2 = np.einsum("nd,dr->nr", dz, p["W3"]) * (a2 > 0)
        g["W2"] += np.einsum("nr,nh->rh", d2, a1)
        g["b2"] += d2.sum(axis=0)
        d1 = np.einsum("nr,rh->nh", d2, p["W2"]) * (a1 > 0)
        g["W1"] += np.einsum("nh,ni->hi", d1, x)
        g["b1"] += d1.sum(axis=0)

    def train_step(self, X, y=None):
        c, A, B = self._cross(X)
        D = c.shape[0]
        N = A[0].shape[0]
        w = self._weights(D, c.dtype)
        diff = c - np.eye(D, dtype=c.dtype)
        loss = (w * diff ** 2).sum()
        dc = 2.0 * w * diff
        dna = np.einsum("ij,nj->ni", dc, B[2]) / N
        dnb = np.einsum("ij,ni->nj", dc, A[2]) / N
        for g in self.grads.values():
            g[...] = 0
        self._layers_back(self._std_back(dna, A[0], A[3], A[4]), A[1])
        self._layers_back(self._std_back(dnb, B[0], B[3], B[4]), B[1])
        for k, p in self.params.items():
            v = self.velocity[k]
            v *= self.momentum
            v += self.grads[k]
            p -= self.lr * v
        return float(loss)
