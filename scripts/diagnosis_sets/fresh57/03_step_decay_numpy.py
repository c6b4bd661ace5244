"""Regressor in NumPy: heavy-ball momentum with a step-decay schedule, the rate halved every
STEP_SIZE updates, LR0 * GAMMA ** (t // STEP_SIZE).

    X: (n, 4), y: (n, 2)
"""

import numpy as np

LR0, MOMENTUM = 0.1, 0.9
STEP_SIZE, GAMMA = 5, 0.5


class Net:
    def __init__(self, sizes=(4, 8, 2), seed=57):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (sizes[0], sizes[1])), "b1": np.zeros(sizes[1]),
            "W2": rng.normal(0.0, 0.5, (sizes[1], sizes[2])), "b2": np.zeros(sizes[2]),
        }
        self.t = 0
        self.velocity = {}

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
        if not self.velocity:
            self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        lr = LR0 * GAMMA ** ((self.t - 1) // STEP_SIZE)
        for k, p in self.params.items():
            self.velocity[k] = MOMENTUM * self.velocity[k] + g[k]
            p -= lr * self.velocity[k]

        return float(loss)
