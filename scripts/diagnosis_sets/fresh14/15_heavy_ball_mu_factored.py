"""NumPy sigmoid network (4 -> 6 -> 1, sigmoid output, sum of squared errors, heavy-ball
momentum). The velocity update v = mu v + g was factored by mistake as v = mu * (v + g): the
new gradient is scaled by mu too, so every velocity, and every step, is mu = 0.9 times the
heavy-ball one (from the first step on, where it moves 0.9 lr g instead of lr g)."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class MomentumSSE:
    def __init__(self, X, y, n_hidden=6, lr=0.1, mu=0.9):
        rng = np.random.default_rng(1415)
        self.params = {"W1": rng.normal(0, 1.0, (X.shape[1], n_hidden)), "b1": np.zeros((1, n_hidden)),
                       "W2": rng.normal(0, 1.0, (n_hidden, 1)), "b2": np.zeros((1, 1))}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.mu = lr, mu

    def train_step(self, X, y):
        P = self.params
        h = sigmoid(X @ P["W1"] + P["b1"])
        out = sigmoid(h @ P["W2"] + P["b2"])
        d2 = 2.0 * (out - y) * out * (1.0 - out)
        d1 = (d2 @ P["W2"].T) * h * (1.0 - h)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0, keepdims=True),
                 "W2": h.T @ d2, "b2": d2.sum(axis=0, keepdims=True)}
        for k, g in grads.items():
            self.velocity[k] = self.mu * (self.velocity[k] + g)   # BUG: only the old velocity decays: self.mu * self.velocity[k] + g
            P[k] -= self.lr * self.velocity[k]
        return float(np.sum((out - y) ** 2))
