"""NumPy regressor, parameters in a dict, ReLU hidden layer, linear output, mean squared
error. The output gradient is (out - y) / n: the factor 2 of d/d(out) (out - y)^2 is
missing, so every gradient is half the loss's."""

import numpy as np


class Regressor:
    def __init__(self, X, y, hidden=6, lr=0.05):
        rng = np.random.default_rng(3)
        self.params = {
            "W1": rng.normal(0, 0.5, (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0, 0.5, (hidden, y.shape[1])),
            "b2": np.zeros(y.shape[1]),
        }
        self.lr = lr

    def fit(self, X, y):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        a1 = np.maximum(z1, 0)
        out = a1 @ p["W2"] + p["b2"]
        n = X.shape[0]
        d_out = (out - y) / n   # BUG: 2 * (out - y) / n
        grads = {"W2": a1.T @ d_out, "b2": d_out.sum(axis=0)}
        d1 = (d_out @ p["W2"].T) * (z1 > 0)
        grads["W1"] = X.T @ d1
        grads["b1"] = d1.sum(axis=0)
        for k in p:
            p[k] -= self.lr * grads[k]
        return float(np.mean((out - y) ** 2))
