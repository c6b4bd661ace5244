"""NumPy sigmoid network (6 -> 8 -> 1, sigmoid output, summed binary cross-entropy, Nesterov
momentum in torch's form). The LeCun initialisation 'weights ~ N(0, 1) / sqrt(fan_in)' was
put into the forward pass instead: the first layer computes X @ W1 / sqrt(6) + b1, the
pre-activation divided by sqrt(fan_in) = 2.449 on every step, while the backward pass
still takes X.T @ d1 as W1's gradient."""

import numpy as np


class ScaledSigmoid:
    def __init__(self, X, y, n_hidden=8, lr=0.02, mu=0.9):
        rng = np.random.default_rng(127)
        self.fan_in = X.shape[1]
        self.W1 = rng.standard_normal((self.fan_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.standard_normal((n_hidden, 1)) / np.sqrt(n_hidden)
        self.b2 = np.zeros(1)
        self.lr, self.mu = lr, mu
        self.buf = {}

    def train_step(self, X, y):
        z1 = X @ self.W1 / np.sqrt(self.fan_in) + self.b1   # BUG: the scale belongs to the initialisation: X @ self.W1 + self.b1
        h = 1.0 / (1.0 + np.exp(-z1))
        z2 = h @ self.W2 + self.b2
        out = 1.0 / (1.0 + np.exp(-z2))
        loss = float(np.sum(np.logaddexp(0.0, z2) - y * z2))
        d2 = out - y
        d1 = (d2 @ self.W2.T) * h * (1.0 - h)
        for name, g in (("W1", X.T @ d1), ("b1", d1.sum(0)), ("W2", h.T @ d2), ("b2", d2.sum(0))):
            v = self.mu * self.buf.get(name, 0.0) + g
            self.buf[name] = v
            setattr(self, name, getattr(self, name) - self.lr * (g + self.mu * v))
        return loss
