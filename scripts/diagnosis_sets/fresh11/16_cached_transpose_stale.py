"""NumPy sigmoid regressor (5 -> 7 -> 1, linear output, mean squared error, momentum as an
exponential moving average, mini-batches of 8). For speed, __init__ caches the transpose of
the output weight, self._W2T = self.W2.T, and backward uses it; but the update rebinds
self.W2 to a new array each step, so the cached transpose keeps the weight it was made from
and the hidden delta is back-propagated through a stale W2."""

import numpy as np


class SigmoidEMA:
    def __init__(self, X, y, n_hidden=7, lr=0.5, beta=0.9):
        rng = np.random.default_rng(16)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self._W2T = self.W2.T
        self.velocity = {k: 0.0 for k in ("W1", "b1", "W2", "b2")}
        self.lr, self.beta = lr, beta

    def train_step(self, X, y):
        h = 1.0 / (1.0 + np.exp(-(X @ self.W1 + self.b1)))
        out = h @ self.W2 + self.b2
        loss = float(np.mean((out - y) ** 2))
        d2 = 2.0 * (out - y) / out.size
        d1 = (d2 @ self._W2T) * h * (1 - h)   # BUG: the current weight: (d2 @ self.W2.T)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        for k, g in grads.items():
            self.velocity[k] = self.beta * self.velocity[k] + (1 - self.beta) * g
            setattr(self, k, getattr(self, k) - self.lr * self.velocity[k])
        return loss
