"""Gated linear unit regressor in NumPy, from my notes on "Language Modeling with Gated
Convolutional Networks": one projection to 2H = 12 values, split in two, the first half the
gate and the second the value, h = sigmoid(gate) * value (H = 6), then a linear unit.
Mean squared error, heavy-ball momentum.

    X: (n, 5), y: (n, 1)
"""

import numpy as np

N_IN, HALF = 5, 6


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class GatedRegressor:
    def __init__(self, lr=0.05, mu=0.9, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, 2 * HALF))
        self.b1 = np.zeros(2 * HALF)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(HALF), (HALF, 1))
        self.b2 = np.zeros(1)
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def forward(self, X):
        z = X @ self.W1 + self.b1
        self.gate, self.value = z[:, :HALF], z[:, HALF:]
        self.s = sigmoid(self.gate)
        self.h = self.s * self.value
        return self.h @ self.W2 + self.b2

    def train_step(self, X, y):
        n = len(X)
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / n
        d_h = d_out @ self.W2.T
        d_gate = d_h * self.value * self.s * (1.0 - self.s)
        d_value = d_h * self.s
        d_z = np.concatenate([d_gate, d_value], axis=1)
        grads = {"W1": X.T @ d_z, "b1": d_z.sum(axis=0), "W2": self.h.T @ d_out, "b2": d_out.sum(axis=0)}
        self.grads = grads
        for k, g in grads.items():
            v = self.velocity[k]
            v *= self.mu
            v += g
            getattr(self, k)[...] -= self.lr * v
        return float(loss)
