"""Regression network with a linear probe in NumPy: a tanh trunk 4 -> 8 and a regression head
(MSE) trained together; a classification probe (softmax cross-entropy, 3 classes) reads the trunk's
features with a stop-gradient, so it learns its own weights but sends nothing back into the trunk.
The loss is MSE + CE; SGD.

    X: (n, 4), y: (n, 5) = [regression target, one-hot class (3), mask (unused here)]
"""

import numpy as np

LR = 0.1


class ProbedRegressor:
    def __init__(self, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (4, 8)), "b1": np.zeros(8),
            "Wr": rng.normal(0.0, 0.5, (8, 1)), "br": np.zeros(1),
            "Wp": rng.normal(0.0, 0.5, (8, 3)), "bp": np.zeros(3),
        }

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        t_reg, t_cls = y[:, :1], y[:, 1:4]
        h = np.tanh(X @ p["W1"] + p["b1"])
        reg = h @ p["Wr"] + p["br"]
        z = h @ p["Wp"] + p["bp"]
        z = z - z.max(axis=1, keepdims=True)
        prob = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = np.mean((reg - t_reg) ** 2) - np.sum(t_cls * np.log(prob)) / n

        g = {}
        d_reg = 2.0 * (reg - t_reg) / n
        d_probe = (prob - t_cls) / n
        g["Wr"], g["br"] = h.T @ d_reg, d_reg.sum(axis=0)
        g["Wp"], g["bp"] = h.T @ d_probe, d_probe.sum(axis=0)
        d_h = (d_reg @ p["Wr"].T) * (1.0 - h ** 2)       # stop-gradient: the probe's delta stops here
        g["W1"], g["b1"] = X.T @ d_h, d_h.sum(axis=0)
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
