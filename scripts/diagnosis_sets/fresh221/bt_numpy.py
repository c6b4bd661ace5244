"""Barlow Twins, written by hand in NumPy.

Both augmented views (X[:, 0] and X[:, 1], each (N, 10)) go through the same network:

    h1 = relu(x @ W1 + b1)          (N, 24)   encoder
    h2 = relu(h1 @ W2 + b2)         (N, 16)   representation
    z  = h2 @ W3                    (N, 12)   projector (no bias)

Each view's embeddings are standardised per dimension over the batch (batch mean, biased
variance, eps 1e-5 inside the square root, BatchNorm1d(affine=False) style), and

    C    = zn_a.T @ zn_b / N                                    (12, 12) cross-correlation
    loss = sum_i (1 - C_ii)^2 + lam * sum_{i != j} C_ij^2       lam = 0.05

SGD with momentum as torch.optim.SGD: v = mu v + g; p -= lr v (lr 0.05, mu 0.9).
y is unused.

Parameters (self.params): W1 (10, 24), b1, W2 (24, 16), b2, W3 (16, 12); weights (in, out).
Gradients: self.grads (same keys). Optimizer state: self.velocity (same keys).
"""

import os

import numpy as np


class BarlowTwins:
    def __init__(self, d_in=10, hidden=24, rep=16, proj=12, lr=0.05, momentum=0.9,
                 lam=0.05, eps=1e-5, seed=0):
        rng = np.random.default_rng(seed)
        sizes = [(d_in, hidden), (hidden, rep), (rep, proj)]
        self.params = {}
        for i, (a, b) in enumerate(sizes, start=1):
            self.params[f"W{i}"] = rng.standard_normal((a, b)) * np.sqrt(2.0 / a)
            if i < 3:                      # the projector has no bias (standardised away)
                self.params[f"b{i}"] = 0.05 * rng.standard_normal(b)
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.momentum, self.lam, self.eps = lr, momentum, lam, eps

    # ------------------------------------------------------------------ forward
    def _embed(self, x):
        p = self.params
        z1 = x @ p["W1"] + p["b1"]
        h1 = np.maximum(z1, 0)
        z2 = h1 @ p["W2"] + p["b2"]
        h2 = np.maximum(z2, 0)
        z = h2 @ p["W3"]
        return z, (x, z1, h1, z2, h2)

    def _standardise(self, z):
        mu = z.mean(axis=0)
        inv_std = 1.0 / np.sqrt(z.var(axis=0) + self.eps)
        return (z - mu) * inv_std, inv_std

    def _views(self, X):
        X = np.asarray(X).astype(self.params["W1"].dtype, copy=False)
        return X[:, 0, :], X[:, 1, :]

    def _loss_from_c(self, c):
        on = ((1.0 - np.diag(c)) ** 2).sum()
        off = (c ** 2).sum() - (np.diag(c) ** 2).sum()
        return on + self.lam * off

    def loss(self, X, y=None):
        xa, xb = self._views(X)
        za_n, _ = self._standardise(self._embed(xa)[0])
        zb_n, _ = self._standardise(self._embed(xb)[0])
        c = za_n.T @ zb_n / xa.shape[0]
        return self._loss_from_c(c)

    # ----------------------------------------------------------------- backward
    def _back_standardise(self, dzn, zn, inv_std):
        # zn = (z - mean) * inv_std with batch mean and biased batch variance
        return inv_std * (dzn - dzn.mean(axis=0) - zn * (dzn * zn).mean(axis=0))

    def _back_embed(self, dz, cache, grads):
        p = self.params
        x, z1, h1, z2, h2 = cache
        grads["W3"] += h2.T @ dz
        dz2 = (dz @ p["W3"].T) * (z2 > 0)
        grads["W2"] += h1.T @ dz2
        grads["b2"] += dz2.sum(axis=0)
        dz1 = (dz2 @ p["W2"].T) * (z1 > 0)
        grads["W1"] += x.T @ dz1
        grads["b1"] += dz1.sum(axis=0)

    def backward(self, X):
        xa, xb = self._views(X)
        N = xa.shape[0]
        za, cache_a = self._embed(xa)
        zb, cache_b = self._embed(xb)
        za_n, inv_a = self._standardise(za)
        zb_n, inv_b = self._standardise(zb)
        c = za_n.T @ zb_n / N
        loss = self._loss_from_c(c)

        D = c.shape[0]
        eye = np.eye(D, dtype=c.dtype)
        dc = 2.0 * self.lam * c * (1 - eye) - 2.0 * (1.0 - c) * eye

        dza_n = zb_n @ dc.T / N
        dzb_n = za_n @ dc / N
        dza = self._back_standardise(dza_n, za_n, inv_a)
        dzb = self._back_standardise(dzb_n, zb_n, inv_b)

        for g in self.grads.values():
            g[...] = 0
        self._back_embed(dza, cache_a, self.grads)
        self._back_embed(dzb, cache_b, self.grads)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y=None):
        loss = self.backward(X)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bt.npz"))
    net = BarlowTwins()
    for step in range(100):
        loss = net.train_step(data["X"], data["y"])
        if step % 10 == 0:
            print(step, loss)
