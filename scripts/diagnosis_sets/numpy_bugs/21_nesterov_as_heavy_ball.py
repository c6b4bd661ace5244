"""Meant to be Nesterov momentum (torch's SGD(nesterov=True)), but the update applies the
velocity alone, which is plain heavy-ball momentum."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class NesterovNet:
    def __init__(self, X, y, hidden=5, lr=0.1, mu=0.9):
        rng = np.random.default_rng(15)
        self.params = {"W1": rng.normal(0, 1, (X.shape[1], hidden)), "b1": np.zeros(hidden),
                       "W2": rng.normal(0, 1, (hidden, y.shape[1])), "b2": np.zeros(y.shape[1])}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.mu = lr, mu

    def step(self, X, y):
        p = self.params
        h = sigmoid(X @ p["W1"] + p["b1"])
        o = sigmoid(h @ p["W2"] + p["b2"])
        d_o = 2 * (o - y) * o * (1 - o)
        d_h = d_o @ p["W2"].T * h * (1 - h)
        grads = {"W1": X.T @ d_h, "b1": d_h.sum(0), "W2": h.T @ d_o, "b2": d_o.sum(0)}
        for k, g in grads.items():
            self.velocity[k] = self.mu * self.velocity[k] + g
            p[k] -= self.lr * self.velocity[k]          # BUG: Nesterov steps by g + mu * velocity
