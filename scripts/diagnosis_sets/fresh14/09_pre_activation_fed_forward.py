"""NumPy tanh binary classifier (6 -> 7 -> 1, sigmoid output, mean binary cross-entropy,
heavy-ball momentum). Variable slip in the forward pass: the output layer is fed the hidden
pre-activation z1 instead of its activation a1 = tanh(z1), so the hidden layer acts as a linear
one, while the backward pass goes on as if the output layer had received a1 (W2's gradient
a1.T @ d2, the hidden delta through 1 - a1^2)."""

import numpy as np


class TanhLogistic:
    def __init__(self, X, y, n_hidden=7, lr=0.3, mu=0.9):
        rng = np.random.default_rng(1409)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def forward(self, X):
        self.z1 = X @ self.W1 + self.b1
        self.a1 = np.tanh(self.z1)
        self.z2 = self.z1 @ self.W2 + self.b2   # BUG: the output layer takes the activation: self.a1 @ self.W2 + self.b2
        self.p = 1.0 / (1.0 + np.exp(-self.z2))
        return self.p

    def train_step(self, X, y):
        p = self.forward(X)
        n = len(X)
        d2 = (p - y) / n
        d1 = (d2 @ self.W2.T) * (1.0 - self.a1 ** 2)
        grads = {"W2": self.a1.T @ d2, "b2": d2.sum(axis=0), "W1": X.T @ d1, "b1": d1.sum(axis=0)}
        for k, g in grads.items():
            self.velocity[k] = self.mu * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - self.lr * self.velocity[k])
