"""Regressor with inverted dropout on its hidden layer, from the CS231n notes: at train time the
kept units are scaled by 1 / (1 - P), so nothing changes at test time. 5 -> 10 tanh -> dropout
(P = 0.3) -> 1, mean squared error, plain gradient descent. The keep mask is stored in the data.

    X: (n, 15) = 5 features | 10-column keep mask;  y: (n, 1)
"""

import numpy as np

P = 0.3


class DropoutRegressor:
    def __init__(self, n_in=5, hidden=10, lr=0.1, seed=5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        x, mask = X[:, :5], X[:, 5:]
        h = np.tanh(x @ self.W1 + self.b1)
        h_drop = h * mask / (1 - P)
        out = h_drop @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)

        d_out = 2 * (out - y) / out.size
        d_z1 = (d_out @ self.W2.T) * mask / (1 - P) * (1 - h ** 2)
        self.grads = {"W1": x.T @ d_z1, "b1": d_z1.sum(axis=0), "W2": h_drop.T @ d_out, "b2": d_out.sum(axis=0)}
        for name, g in self.grads.items():
            setattr(self, name, getattr(self, name) - self.lr * g)
        return float(loss)
