"""Regressor with an L1 penalty on its weights (not its biases), in NumPy: 4 -> 8 sigmoid -> 1
linear, loss = mean squared error + L1 * (|W1|_1 + |W2|_1), gradient descent with the penalty's
subgradient L1 * sign(W) added to each weight's gradient.

    X: (n, 4), y: (n, 1)
"""

import numpy as np

LR, L1 = 0.1, 0.01


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SparseRegressor:
    def __init__(self, n_in=4, hidden=8, seed=7):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)

    def loss(self, X, y):
        out = sigmoid(X @ self.W1 + self.b1) @ self.W2 + self.b2
        return float(np.mean((out - y) ** 2) + L1 * (np.abs(self.W1).sum() + np.abs(self.W2).sum()))

    def train_step(self, X, y):
        loss = self.loss(X, y)
        h = sigmoid(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        d_out = 2.0 * (out - y) / len(X)
        d_h = (d_out @ self.W2.T) * h * (1.0 - h)
        self.grads = {
            "W1": X.T @ d_h + L1 * np.sign(self.W1),
            "b1": d_h.sum(axis=0),
            "W2": h.T @ d_out + L1 * np.sign(self.W2),
            "b2": d_out.sum(axis=0),
        }
        for k, g in self.grads.items():
            setattr(self, k, getattr(self, k) - LR * g)
        return loss
