"""NumPy tanh network (5 -> 8 -> 1, sigmoid output, mean binary cross-entropy) trained with
heavy-ball momentum: v = mu v + g, W -= lr v, velocities starting at zero. Parameters,
gradients and velocities are dicts keyed by name."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class MomentumTanhNet:
    def __init__(self, X, y, hidden=8, lr=0.1, mu=0.9):
        rng = np.random.default_rng(21)
        self.params = {"W1": rng.normal(0.0, 0.5, (X.shape[1], hidden)), "b1": np.zeros(hidden),
                       "W2": rng.normal(0.0, 0.5, (hidden, 1)), "b2": np.zeros(1)}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.mu = lr, mu

    def gradients(self, X, y):
        P = self.params
        h = np.tanh(X @ P["W1"] + P["b1"])
        p = sigmoid(h @ P["W2"] + P["b2"])
        n = len(X)
        dz2 = (p - y) / n
        dz1 = (dz2 @ P["W2"].T) * (1.0 - h * h)
        return {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}

    def train_step(self, X, y):
        grads = self.gradients(X, y)
        for k, g in grads.items():
            v = self.velocity[k]
            v *= self.mu
            v += g
            update = v
            update *= self.lr   # BUG: scale a new array, not the velocity: update = v * self.lr
            self.params[k] -= update
