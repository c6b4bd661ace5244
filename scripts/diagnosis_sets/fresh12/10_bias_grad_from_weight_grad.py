"""NumPy tanh classifier (5 -> 8 -> 1, sigmoid output, mean binary cross-entropy, heavy-ball
momentum written by hand). Variable slip in backward: the hidden bias's gradient is summed
from dW1, the hidden weight's gradient, dW1.sum(axis=0) (each unit's sum over the inputs of
x_i * delta), instead of from the hidden delta itself, d1.sum(axis=0) (its sum over the rows)."""

import numpy as np


class TanhBinary:
    def __init__(self, X, y, n_hidden=8, lr=0.2, mu=0.9):
        rng = np.random.default_rng(122)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.lr, self.mu = lr, mu
        self.velocity = {}

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        out = 1.0 / (1.0 + np.exp(-z))
        loss = float(np.mean(np.logaddexp(0.0, z) - y * z))
        d2 = (out - y) / len(X)
        d1 = (d2 @ self.W2.T) * (1.0 - h ** 2)
        dW1 = X.T @ d1
        grads = {"W2": h.T @ d2, "b2": d2.sum(axis=0), "W1": dW1,
                 "b1": dW1.sum(axis=0)}   # BUG: the hidden delta's sum over the rows: d1.sum(axis=0)
        for name, g in grads.items():
            v = self.mu * self.velocity.get(name, 0.0) + g
            self.velocity[name] = v
            setattr(self, name, getattr(self, name) - self.lr * v)
        return loss
