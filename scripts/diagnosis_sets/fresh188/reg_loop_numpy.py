"""Neural additive model for regression in NumPy, written feature by feature.

Same model and training as reg_numpy.py (ExU 12 units with ReLU-1, dense 12->6 ReLU, dense 6->1
per feature; prediction sum_j keep_j f_j + bias; MSE + 0.1 mean(f^2); Adam lr 0.01 with coupled
weight decay 1e-3 on exu_w, W2, W3), but each feature's network is run in a Python loop over
slices of the stacked parameters, with plain 2-D matrix products.
"""

import math

import numpy as np


class NAMRegressor:
    def __init__(self, n_features=4, n_exu=12, n_hidden=6, seed=0):
        rng = np.random.default_rng(seed)
        F, H1, H2 = n_features, n_exu, n_hidden
        self.F = F
        self.params = {
            "exu_w": rng.normal(0.3, 0.2, size=(F, H1)),
            "exu_b": rng.uniform(-1.0, 1.0, size=(F, H1)),
            "W2": rng.standard_normal((F, H1, H2)) / math.sqrt(H1),
            "b2": rng.normal(0.0, 0.1, size=(F, H2)),
            "W3": rng.standard_normal((F, H2)) / math.sqrt(H2),
            "b3": np.zeros(F),
            "bias": np.zeros(1),
        }
        self.grads = {}
        self.lr, self.b1, self.b2, self.eps = 0.01, 0.9, 0.999, 1e-8
        self.wd = 1e-3
        self.lam = 0.1
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.step_count = 0

    def _features(self, x):
        P = self.params
        cache, cols = [], []
        for j in range(self.F):
            scale = np.exp(P["exu_w"][j])                        # (H1,)
            z1 = np.outer(x[:, j], scale) - scale * P["exu_b"][j]   # exp(w) x - exp(w) b
            h1 = np.minimum(np.maximum(z1, 0.0), 1.0)
            z2 = h1 @ P["W2"][j] + P["b2"][j]
            h2 = np.maximum(z2, 0.0)
            cols.append(h2 @ P["W3"][j] + P["b3"][j])
            cache.append((scale, z1, h1, z2, h2))
        return np.stack(cols, axis=1), cache

    def loss(self, X, y):
        x, keep = X[:, :self.F], X[:, self.F:]
        f, _ = self._features(x)
        pred = np.sum(f * keep, axis=1) + self.params["bias"]
        r = pred - y
        return np.mean(r * r) + self.lam * np.mean(f * f)

    def train_step(self, X, y):
        P = self.params
        x, keep = X[:, :self.F], X[:, self.F:]
        N = x.shape[0]
        f, cache = self._features(x)
        pred = np.sum(f * keep, axis=1) + P["bias"]
        r = pred - y
        loss = np.mean(r * r) + self.lam * np.mean(f * f)

        g = {k: np.zeros_like(v) for k, v in P.items()}
        dpred = r * (2.0 / N)
        g["bias"][0] = dpred.sum()
        df = keep * dpred[:, None] + f * (2.0 * self.lam / (N * self.F))
        for j in range(self.F):
            scale, z1, h1, z2, h2 = cache[j]
            d = df[:, j]
            g["b3"][j] = d.sum()
            g["W3"][j] = h2.T @ d
            dz2 = np.outer(d, P["W3"][j])
            dz2[z2 <= 0] = 0.0
            g["b2"][j] = dz2.sum(axis=0)
            g["W2"][j] = h1.T @ dz2
            dz1 = dz2 @ P["W2"][j].T
            dz1[(z1 <= 0) | (z1 >= 1)] = 0.0
            g["exu_w"][j] = scale * ((x[:, j:j + 1] - P["exu_b"][j]) * dz1).sum(axis=0)
            g["exu_b"][j] = -scale * dz1.sum(axis=0)
        self.grads = g

        self.step_count += 1
        t = self.step_count
        for k in P:
            gk = g[k] + self.wd * P[k] if k in ("exu_w", "W2", "W3") else g[k]
            m, v = self.m[k], self.v[k]
            m *= self.b1
            m += (1.0 - self.b1) * gk
            v *= self.b2
            v += (1.0 - self.b2) * gk * gk
            denom = np.sqrt(v) / math.sqrt(1.0 - self.b2 ** t) + self.eps
            P[k] -= (self.lr / (1.0 - self.b1 ** t)) * m / denom
        return float(loss)
