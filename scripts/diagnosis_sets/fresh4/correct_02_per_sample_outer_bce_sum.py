"""Correct NumPy network in an unusual style: weights stored (out, in), the gradient
accumulated one sample at a time with np.outer in a Python loop, tanh hidden layer,
sigmoid output, summed binary cross-entropy (delta o - y per sample), heavy-ball momentum
with the velocities in a dict."""

import numpy as np


class OnlineAccumulator:
    def __init__(self, X, y, hidden=5, lr=0.05, mu=0.9):
        rng = np.random.default_rng(18)
        self.Wh = rng.normal(0, 0.5, (hidden, X.shape[1]))
        self.bh = np.zeros(hidden)
        self.Wo = rng.normal(0, 0.5, (1, hidden))
        self.bo = np.zeros(1)
        self.vel = {}
        self.lr, self.mu = lr, mu

    def epoch(self, X, y):
        names = ("Wh", "bh", "Wo", "bo")
        acc = {k: np.zeros_like(getattr(self, k)) for k in names}
        loss = 0.0
        for x_i, y_i in zip(X, y):
            h = np.tanh(self.Wh @ x_i + self.bh)
            o = 1.0 / (1.0 + np.exp(-(self.Wo @ h + self.bo)))
            delta_o = o - y_i
            delta_h = (self.Wo.T @ delta_o) * (1.0 - h * h)
            acc["Wo"] += np.outer(delta_o, h)
            acc["bo"] += delta_o
            acc["Wh"] += np.outer(delta_h, x_i)
            acc["bh"] += delta_h
            loss -= float(np.sum(y_i * np.log(o) + (1 - y_i) * np.log(1 - o)))
        for k in names:
            v = self.mu * self.vel.get(k, np.zeros_like(acc[k])) + acc[k]
            self.vel[k] = v
            setattr(self, k, getattr(self, k) - self.lr * v)
        return loss
