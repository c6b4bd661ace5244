"""NumPy tanh regressor (5 -> 6 -> 1, linear output, mean squared error, momentum as an
exponential moving average of the gradients). The hidden delta is written
d_out @ W2.T * 1 - h ** 2 with the parentheses around the tanh derivative missing: by
precedence it is (d_out @ W2.T) - h^2, the back-propagated error minus h squared, instead of
the error times (1 - h^2)."""

import numpy as np


class Regressor:
    def __init__(self, X, y, n_hidden=6, lr=0.3, beta=0.9):
        rng = np.random.default_rng(130)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros((1, n_hidden))
        self.W2 = rng.normal(0, 0.5, (n_hidden, y.shape[1]))
        self.b2 = np.zeros((1, y.shape[1]))
        self.lr, self.beta = lr, beta
        self.avg = None

    def train_step(self, X, y):
        h = np.tanh(np.dot(X, self.W1) + self.b1)
        out = np.dot(h, self.W2) + self.b2
        n = y.size
        loss = float(np.sum((out - y) ** 2) / n)
        d_out = 2.0 * (out - y) / n
        d_h = d_out @ self.W2.T * 1 - h ** 2   # BUG: the tanh derivative as one factor: d_out @ self.W2.T * (1 - h ** 2)
        grads = [X.T @ d_h, d_h.sum(axis=0, keepdims=True), h.T @ d_out, d_out.sum(axis=0, keepdims=True)]
        if self.avg is None:
            self.avg = [np.zeros_like(g) for g in grads]
        names = ("W1", "b1", "W2", "b2")
        for i, (name, g) in enumerate(zip(names, grads)):
            self.avg[i] = self.beta * self.avg[i] + (1 - self.beta) * g
            setattr(self, name, getattr(self, name) - self.lr * self.avg[i])
        return loss
