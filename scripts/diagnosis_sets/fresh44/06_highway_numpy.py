"""Highway regressor in NumPy: 4 -> 6 tanh, one highway layer y = t * H(x) + (1 - t) * x with
H = tanh(x Wh + bh) and the transform gate t = sigmoid(x Wt + bt), then a linear output; MSE; SGD.

    X: (n, 4), y: (n, 5), only column 0 (the regression target) is used
"""

import numpy as np

LR = 0.1


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class HighwayRegressor:
    def __init__(self, seed=6):
        rng = np.random.default_rng(seed)
        self.params = {
            "W0": rng.normal(0.0, 0.5, (4, 6)), "b0": np.zeros(6),
            "Wh": rng.normal(0.0, 0.5, (6, 6)), "bh": np.zeros(6),
            "Wt": rng.normal(0.0, 0.5, (6, 6)), "bt": np.full(6, -1.0),
            "Wo": rng.normal(0.0, 0.5, (6, 1)), "bo": np.zeros(1),
        }

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        target = y[:, :1]
        x1 = np.tanh(X @ p["W0"] + p["b0"])
        hh = np.tanh(x1 @ p["Wh"] + p["bh"])
        t = sigmoid(x1 @ p["Wt"] + p["bt"])
        y1 = t * hh + (1.0 - t) * x1
        out = y1 @ p["Wo"] + p["bo"]
        loss = np.mean((out - target) ** 2)

        g = {}
        d_out = 2.0 * (out - target) / n
        g["Wo"], g["bo"] = y1.T @ d_out, d_out.sum(axis=0)
        d_y1 = d_out @ p["Wo"].T
        d_hz = d_y1 * t * (1.0 - hh ** 2)
        d_t = d_y1 * (hh - x1)
        d_tz = d_t * t * (1.0 - t)
        g["Wh"], g["bh"] = x1.T @ d_hz, d_hz.sum(axis=0)
        g["Wt"], g["bt"] = x1.T @ d_tz, d_tz.sum(axis=0)
        d_x1 = d_y1 * (1.0 - t) + d_hz @ p["Wh"].T + d_tz @ p["Wt"].T
        d_z0 = d_x1 * (1.0 - x1 ** 2)
        g["W0"], g["b0"] = X.T @ d_z0, d_z0.sum(axis=0)
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
