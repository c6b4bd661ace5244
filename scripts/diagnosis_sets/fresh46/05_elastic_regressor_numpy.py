"""Regressor with an elastic-net penalty on its weight matrices (not the biases), as in the
scikit-learn docs: L1 * sum|W| + 0.5 * L2 * sum W^2, the L1 part by its subgradient sign(W).
5 -> 8 tanh -> 2, mean squared error plus the penalty, plain gradient descent.

    X: (n, 5);  y: (n, 2)
"""

import numpy as np

L1 = 0.02
L2 = 0.05


class ElasticRegressor:
    def __init__(self, n_in=5, hidden=8, n_out=2, lr=0.1, seed=7):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.lr = lr

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        penalty = sum(L1 * np.abs(W).sum() + 0.5 * L2 * (W ** 2).sum() for W in (self.W1, self.W2))
        loss = np.mean((out - y) ** 2) + penalty

        d_out = 2 * (out - y) / out.size
        d_z1 = (d_out @ self.W2.T) * (1 - h ** 2)
        grads = {"W1": X.T @ d_z1, "b1": d_z1.sum(axis=0), "W2": h.T @ d_out, "b2": d_out.sum(axis=0)}
        for name in ("W1", "W2"):
            W = getattr(self, name)
            grads[name] = grads[name] + L1 * np.sign(W) + L2 * W
        self.grads = grads
        for name, g in grads.items():
            setattr(self, name, getattr(self, name) - self.lr * g)
        return float(loss)
