"""The bilinear classifier of bilinear_numpy.py, written with flattened outer products.

The bilinear layer is computed as an ordinary matmul on the flattened outer
product of its two inputs: z = (u outer v).reshape(N, 24) @ W.reshape(6, 24).T + b,
with W kept (6, 6, 4) as nn.Bilinear keeps it. The dropout mask is applied as
a boolean select and the L2 term is added to the gradient inside the step.
"""

import numpy as np


class BilinearNet:
    def __init__(self, n_x=5, n_v=4, n_u=6, n_out=6, keep=0.75, lr=0.5, weight_decay=0.01,
                 seed=0):
        rng = np.random.default_rng(seed)
        self.n_x, self.n_v = n_x, n_v
        self.keep = keep
        self.params = {
            "A": rng.standard_normal((n_x, n_u)) / np.sqrt(n_x),
            "a": np.zeros(n_u),
            "W": rng.standard_normal((n_out, n_u, n_v)) / np.sqrt(n_u * n_v),
            "b": 0.1 * rng.standard_normal(n_out),
            "V": rng.standard_normal((n_out, 1)) / np.sqrt(n_out),
            "c": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.weight_decay = weight_decay

    def _forward(self, X):
        p = self.params
        N = X.shape[0]
        x = X[:, :self.n_x]
        v = X[:, self.n_x:self.n_x + self.n_v]
        kept = X[:, self.n_x + self.n_v:] > 0.5
        u = np.tanh(x @ p["A"] + p["a"])
        outer = (u[:, :, None] * v[:, None, :]).reshape(N, -1)          # (N, 24)
        Wflat = p["W"].reshape(p["W"].shape[0], -1)                      # (6, 24)
        z = outer @ Wflat.T + p["b"]
        h = np.where(kept & (z > 0), z / self.keep, 0)
        logit = h @ p["V"] + p["c"]
        return logit, (x, v, kept, u, outer, Wflat, z, h)

    def loss(self, X, y):
        s = self._forward(X)[0]
        return np.mean(np.maximum(s, 0) - s * y + np.log1p(np.exp(-np.abs(s))))

    def train_step(self, X, y):
        p, g = self.params, self.grads
        N = X.shape[0]
        s, (x, v, kept, u, outer, Wflat, z, h) = self._forward(X)
        loss = np.mean(np.maximum(s, 0) - s * y + np.log1p(np.exp(-np.abs(s))))

        ds = (1.0 / (1.0 + np.exp(-s)) - y) / s.size
        g["V"] = h.T @ ds
        g["c"] = ds.sum(axis=0)
        dh = ds @ p["V"].T
        dz = np.where(kept & (z > 0), dh / self.keep, 0)
        g["W"] = (dz.T @ outer).reshape(p["W"].shape)
        g["b"] = dz.sum(axis=0)
        du = ((dz @ Wflat).reshape(N, u.shape[1], v.shape[1]) * v[:, None, :]).sum(axis=2)
        dpre = du * (1 - u * u)
        g["A"] = x.T @ dpre
        g["a"] = dpre.sum(axis=0)

        for k in p:
            step = g[k] + self.weight_decay * p[k]
            p[k] -= self.lr * step
        return float(loss)
