"""Robust regressor in NumPy: 3 -> 8 tanh -> 1 linear, trained with the smooth L1 loss of Fast
R-CNN with a threshold BETA = 0.5 (0.5 r^2 / BETA for |r| < BETA, |r| - 0.5 BETA beyond, the
mean over the rows), so that the outliers in the data pull with a bounded force. Nesterov
momentum in torch's form (v = mu v + g; w -= lr (g + mu v)).

    X: (n, 3), y: (n, 1)
"""

import numpy as np

BETA = 0.5


class RobustRegressor:
    def __init__(self, n_in=3, hidden=8, lr=0.05, mu=0.9, seed=6):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr, self.mu = lr, mu
        self.buf = {}

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        r = out - y
        small = np.abs(r) < BETA
        loss = np.mean(np.where(small, 0.5 * r ** 2 / BETA, np.abs(r) - 0.5 * BETA))
        d_out = np.where(small, r / BETA, np.sign(r)) / n
        d_h = (d_out @ self.W2.T) * (1.0 - h ** 2)
        grads = {"W1": X.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_out, "b2": d_out.sum(axis=0)}
        self.grads = grads
        for k, g in grads.items():
            v = self.buf[k] = self.mu * self.buf.get(k, 0.0) + g
            getattr(self, k)[...] -= self.lr * (g + self.mu * v)
        return float(loss)
