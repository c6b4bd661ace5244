"""Parameters in a dict, sum of squared errors, plain SGD (update inside train_step)."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class DictNet:
    def __init__(self, X, y, hidden=6, lr=0.5):
        rng = np.random.default_rng(0)
        self.params = {
            "W1": rng.normal(0, 0.5, (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0, 0.5, (hidden, y.shape[1])),
            "b2": np.zeros(y.shape[1]),
        }
        self.lr = lr

    def train_step(self, X, y):
        p = self.params
        a1 = sigmoid(X @ p["W1"] + p["b1"])
        out = sigmoid(a1 @ p["W2"] + p["b2"])
        d_out = 2 * (out - y) * out * (1 - out)
        d_a1 = (d_out @ p["W2"].T) * a1 * (1 - a1)
        grads = {"W2": a1.T @ d_out, "b2": d_out.sum(axis=0), "W1": X.T @ d_a1, "b1": d_a1.sum(axis=0)}
        for k in p:
            p[k] -= self.lr * grads[k]
        return np.sum((out - y) ** 2)
