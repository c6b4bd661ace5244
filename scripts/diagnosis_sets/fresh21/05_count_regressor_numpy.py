"""Regression on event counts, from scratch. The counts span 1 to about 60, so each one is
log-transformed with np.log1p before the network: 3 -> 8 tanh -> 1 linear, half mean squared
error, SGD with heavy-ball momentum (v = MU v + g, w -= LR v)."""

import numpy as np

LR = 0.1
MU = 0.9


class CountRegressor:
    def __init__(self, X, y, hidden=8):
        rng = np.random.default_rng(21)
        self.W1 = rng.normal(0.0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)
        self.velocity = {name: np.zeros_like(getattr(self, name)) for name in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        features = np.log1p(X)
        h = np.tanh(features @ self.W1 + self.b1)
        pred = h @ self.W2 + self.b2
        err = pred - y
        loss = 0.5 * np.mean(err ** 2)

        d2 = err / len(X)
        d1 = (d2 @ self.W2.T) * (1.0 - h * h)
        self.grads = {"W1": features.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
        for name, g in self.grads.items():
            v = self.velocity[name]
            v *= MU
            v += g
            setattr(self, name, getattr(self, name) - LR * v)
        return float(loss)
