"""Regressor with Gaussian noise injected into the hidden pre-activations (a noise layer before
the nonlinearity, as in denoising/noisy-unit training): h = tanh(x W1 + b1 + SIGMA * e), the
standard-normal e stored in the data. 4 -> 8 tanh -> 1, mean squared error, gradient descent.

    X: (n, 12) = 4 features | 8 noise columns;  y: (n, 1)
"""

import numpy as np

SIGMA = 0.5


class NoisyRegressor:
    def __init__(self, n_in=4, hidden=8, lr=0.1, seed=8):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        x, e = X[:, :4], X[:, 4:]
        h = np.tanh(x @ self.W1 + self.b1 + SIGMA * e)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)

        d_out = 2 * (out - y) / out.size
        d_z1 = (d_out @ self.W2.T) * (1 - h ** 2)
        self.grads = {"W1": x.T @ d_z1, "b1": d_z1.sum(axis=0), "W2": h.T @ d_out, "b2": d_out.sum(axis=0)}
        for name, g in self.grads.items():
            setattr(self, name, getattr(self, name) - self.lr * g)
        return float(loss)
