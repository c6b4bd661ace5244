"""Polynomial-feature regressor in NumPy: a learnable projection z = X A (D = 3 -> H = 4, no bias),
the features [z, z^2, z_i z_j for i < j] (4 + 4 + 6 = 14), a linear head w (14, 1), b (1,), mean
squared error, plain gradient descent. The pair products' backward scatters with np.add.at.

    X: (n, 3), y: (n, 1)
"""

import numpy as np

LR = 0.05


class PolyRegressor:
    def __init__(self, d=3, h=4, seed=56):
        rng = np.random.default_rng(seed)
        self.A = rng.normal(0.0, 0.6, (d, h))
        self.w = rng.normal(0.0, 0.3, (2 * h + h * (h - 1) // 2, 1))
        self.b = np.zeros(1)
        self.h = h
        self.I, self.J = np.triu_indices(h, k=1)

    def train_step(self, X, y):
        h, I, J = self.h, self.I, self.J
        z = X @ self.A
        feats = np.concatenate([z, z ** 2, z[:, I] * z[:, J]], axis=1)
        out = feats @ self.w + self.b
        self.output = out
        loss = np.mean((out - y) ** 2)

        g = 2.0 * (out - y) / out.size
        gf = g @ self.w.T
        gz = gf[:, :h] + gf[:, h:2 * h] * 2.0 * z
        gp = gf[:, 2 * h:]
        np.add.at(gz.T, I, (gp * z[:, J]).T)
        np.add.at(gz.T, J, (gp * z[:, I]).T)
        self.grads = {"A": X.T @ gz, "w": feats.T @ g, "b": g.sum(axis=0)}
        for name, grad in self.grads.items():
            setattr(self, name, getattr(self, name) - LR * grad)
        return float(loss)
