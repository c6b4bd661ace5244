"""Poisson regression network for event counts: 4 inputs -> 8 tanh units -> one output, the log
of the expected count, rate = exp(log_rate). The loss is the mean Poisson negative
log-likelihood without the constant log(y!) term, mean(rate - y * log_rate). Gradient descent
with LR = 0.05."""

import numpy as np

LR = 0.05


class CountRegressor:
    def __init__(self, n_in=4, hidden=8, seed=2):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.3, (hidden, 1))
        self.b2 = np.zeros(1)

    def loss(self, X, y):
        log_rate = np.tanh(X @ self.W1 + self.b1) @ self.W2 + self.b2
        return float(np.mean(np.exp(log_rate) - y * log_rate))

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        log_rate = h @ self.W2 + self.b2
        rate = np.exp(log_rate)
        loss = np.mean(rate - y * log_rate)

        d_out = (rate - y) / len(X)
        d_h = (d_out @ self.W2.T) * (1.0 - h ** 2)
        self.grads = {
            "W2": h.T @ d_out,
            "b2": d_out.sum(axis=0),
            "W1": X.T @ d_h,
            "b1": d_h.sum(axis=0),
        }
        for name, g in self.grads.items():
            getattr(self, name)[...] -= LR * g
        return float(loss)
