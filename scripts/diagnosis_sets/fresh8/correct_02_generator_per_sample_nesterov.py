"""Correct NumPy network in an unusual style: a generator yields each row's gradients as a
dict and functools.reduce sums them; tanh hidden layer (3 -> 7 -> 1), linear output, half the
mean squared error, Nesterov momentum in torch's form (v = mu v + g; W -= lr (g + mu v))."""

from functools import reduce

import numpy as np


class PerSampleNet:
    def __init__(self, X, y, hidden=7, lr=0.05, mu=0.9):
        rng = np.random.default_rng(18)
        self.W1 = rng.normal(0, 0.7, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 0.7, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.mu = lr, mu
        self.buf = {}

    def row_grads(self, X, y):
        scale = 1 / y.size
        for x, t in zip(X, y):
            h = np.tanh(x @ self.W1 + self.b1)
            e = (h @ self.W2 + self.b2 - t) * scale
            dh = (self.W2 @ e) * (1 - h * h)
            yield {"W1": np.outer(x, dh), "b1": dh, "W2": np.outer(h, e), "b2": e}

    def train_step(self, X, y):
        out = np.tanh(X @ self.W1 + self.b1) @ self.W2 + self.b2
        loss = float(0.5 * np.mean((out - y) ** 2))
        grads = reduce(lambda acc, g: {k: acc[k] + g[k] for k in acc}, self.row_grads(X, y))
        for k, g in grads.items():
            self.buf[k] = self.mu * self.buf[k] + g if k in self.buf else g
            setattr(self, k, getattr(self, k) - self.lr * (g + self.mu * self.buf[k]))
        return loss
