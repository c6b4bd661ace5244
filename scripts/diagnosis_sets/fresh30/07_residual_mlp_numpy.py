"""Residual MLP in NumPy: an input layer 6 -> 6 ReLU, one residual block h2 = h1 + relu(h1 Wr + br)
(width 6), a linear read-out 6 -> 1; mean squared error, heavy-ball momentum.

    X: (n, 6), y: (n, 1)
"""

import numpy as np

LR, MU = 0.05, 0.9


class ResidualMLP:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.p = {
            "W_in": rng.normal(0.0, np.sqrt(2.0 / 6), (6, 6)),
            "b_in": np.full(6, 0.1),
            "W_res": rng.normal(0.0, np.sqrt(1.0 / 6), (6, 6)),
            "b_res": np.full(6, 0.1),
            "W_out": rng.normal(0.0, np.sqrt(1.0 / 6), (6, 1)),
            "b_out": np.zeros(1),
        }
        self.v = {k: np.zeros_like(a) for k, a in self.p.items()}

    def train_step(self, X, y):
        p = self.p
        z1 = X @ p["W_in"] + p["b_in"]
        h1 = np.maximum(z1, 0.0)
        zr = h1 @ p["W_res"] + p["b_res"]
        h2 = h1 + np.maximum(zr, 0.0)
        out = h2 @ p["W_out"] + p["b_out"]
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / len(X)
        g = {"W_out": h2.T @ d_out, "b_out": d_out.sum(0)}
        d_h2 = d_out @ p["W_out"].T
        d_zr = d_h2 * (zr > 0)
        g["W_res"], g["b_res"] = h1.T @ d_zr, d_zr.sum(0)
        d_h1 = d_h2 + d_zr @ p["W_res"].T
        d_z1 = d_h1 * (z1 > 0)
        g["W_in"], g["b_in"] = X.T @ d_z1, d_z1.sum(0)
        self.grads = g

        for k in p:
            self.v[k] = MU * self.v[k] + g[k]
            p[k] -= LR * self.v[k]
        return float(loss)
