"""Deep Sets binary classifier with masked sum pooling (variant of sum_numpy.py, same model).

Parameters in one flat dict (w0, b0, ..., w3, b3), each weight (in, out); the pooling is a
contraction with the 0/1 mask; the sigmoid is written as 0.5 (1 + tanh(z / 2)); the global norm
for clipping is np.linalg.norm of all gradients concatenated; RMSprop updates in place.
"""

import numpy as np


class SumDeepSetAlt:
    def __init__(self, seed=2):
        rng = np.random.default_rng(seed)
        sizes = [4, 16, 8, 16, 1]
        self.p = {}
        for i in range(4):
            bound = 1.0 / np.sqrt(sizes[i])
            self.p[f"w{i}"] = rng.uniform(-bound, bound, (sizes[i], sizes[i + 1]))
            self.p[f"b{i}"] = rng.uniform(-bound, bound, sizes[i + 1])
        self.sq = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.grads = {}
        self.lr, self.alpha, self.eps, self.max_norm = 0.01, 0.9, 1e-8, 0.25

    def forward(self, X):
        p = self.p
        mask = (np.abs(X).sum(axis=-1) > 0).astype(X.dtype)        # (N, S)
        a0 = X @ p["w0"] + p["b0"]
        h0 = np.where(a0 > 0, a0, 0)
        a1 = h0 @ p["w1"] + p["b1"]
        h1 = np.where(a1 > 0, a1, 0)
        s = np.einsum("ns,nsh->nh", mask, h1)
        t = np.tanh(s @ p["w2"] + p["b2"])
        z = t @ p["w3"][:, 0] + p["b3"][0]
        return z, (mask, a0, h0, a1, s, t)

    def loss(self, X, y):
        z = self.forward(X)[0]
        return float(np.mean(np.logaddexp(0, z) - y * z))

    def train_step(self, X, y):
        p = self.p
        z, (mask, a0, h0, a1, s, t) = self.forward(X)
        loss = np.mean(np.logaddexp(0, z) - y * z)
        sig = 0.5 * (1 + np.tanh(0.5 * z))
        dz = (sig - y) / len(y)
        g = {"w3": np.outer(t.T @ dz, [1.0]).astype(z.dtype), "b3": np.atleast_1d(dz.sum())}
        dt = np.outer(dz, p["w3"][:, 0]) * (1 - t ** 2)
        g["w2"] = s.T @ dt
        g["b2"] = dt.sum(axis=0)
        ds = dt @ p["w2"].T
        da1 = np.einsum("ns,nh->nsh", mask, ds) * (a1 > 0)
        g["w1"] = np.tensordot(h0, da1, axes=([0, 1], [0, 1]))
        g["b1"] = da1.sum(axis=(0, 1))
        da0 = (da1 @ p["w1"].T) * (a0 > 0)
        g["w0"] = np.tensordot(X, da0, axes=([0, 1], [0, 1]))
        g["b0"] = da0.sum(axis=(0, 1))

        total = np.linalg.norm(np.concatenate([v.ravel() for v in g.values()]))
        scale = self.max_norm / (total + 1e-6)
        if scale < 1:
            for k in g:
                g[k] *= scale
        self.grads = g
        for k in p:
            self.sq[k] *= self.alpha
            self.sq[k] += (1 - self.alpha) * g[k] * g[k]
            p[k] -= self.lr * g[k] / (np.sqrt(self.sq[k]) + self.eps)
        return float(loss)
