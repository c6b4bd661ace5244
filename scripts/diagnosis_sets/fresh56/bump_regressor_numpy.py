"""Gaussian-bump network in NumPy: 3 -> 6 hidden units h = exp(-z^2), z = X W1 + b1, a linear output
h W2 + b2, mean squared error, heavy-ball momentum (v = mu v + g; theta -= lr v).

    X: (n, 3), y: (n, 1)
"""

import numpy as np

LR, MU = 0.1, 0.9


class BumpNet:
    def __init__(self, sizes=(3, 6, 1), seed=56):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.7, sizes[:2]), "b1": rng.normal(0.0, 0.3, sizes[1]),
            "W2": rng.normal(0.0, 0.5, sizes[1:]), "b2": np.zeros(sizes[2]),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        z = X @ p["W1"] + p["b1"]
        h = np.exp(-z ** 2)
        out = h @ p["W2"] + p["b2"]
        self.output = out
        loss = np.mean((out - y) ** 2)

        g = 2.0 * (out - y) / out.size
        gz = (g @ p["W2"].T) * (-2.0 * z * h)
        self.grads = {"W1": X.T @ gz, "b1": gz.sum(axis=0), "W2": h.T @ g, "b2": g.sum(axis=0)}
        for k in p:
            self.velocity[k] = MU * self.velocity[k] + self.grads[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
