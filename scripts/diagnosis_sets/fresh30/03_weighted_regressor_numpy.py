"""Weighted least squares with a small ReLU network: each row carries its sample weight in the last
column of X (3 features + 1 weight). 3 -> 10 ReLU -> 1 linear; the loss is the weighted mean
sum_i w_i (pred_i - y_i)^2 / sum_i w_i; plain gradient descent.

    X: (n, 4) = features (n, 3) | weights (n,), y: (n, 1)
"""

import numpy as np

LR = 0.1


class WeightedRegressor:
    def __init__(self, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / 3), (3, 10)),
            "b1": np.full(10, 0.05),
            "W2": rng.normal(0.0, np.sqrt(1.0 / 10), (10, 1)),
            "b2": np.zeros(1),
        }

    def train_step(self, X, y):
        p = self.params
        feats, w = X[:, :-1], X[:, -1]
        z = feats @ p["W1"] + p["b1"]
        h = np.maximum(z, 0.0)
        pred = h @ p["W2"] + p["b2"]
        e = pred - y
        loss = np.sum(w[:, None] * e ** 2) / np.sum(w)

        d_pred = 2.0 * w[:, None] * e / np.sum(w)
        d_z = (d_pred @ p["W2"].T) * (z > 0)
        self.grads = {"W2": h.T @ d_pred, "b2": d_pred.sum(axis=0), "W1": feats.T @ d_z, "b1": d_z.sum(axis=0)}
        for k in p:
            p[k] -= LR * self.grads[k]
        return float(loss)
