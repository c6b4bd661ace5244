"""Regressor with a batch-normalised hidden layer, in NumPy: 4 -> 6 (no bias) -> batch norm
(gamma, beta, eps 1e-5, the batch's biased variance) -> tanh -> 2, linear output, half mean
squared error, mini-batch gradient descent at 0.1. The PyTorch port is
14_normalised_regressor_torch.py."""

import numpy as np


class NormalisedRegressor:
    def __init__(self, n_in=4, hidden=6, n_out=2, lr=0.1, eps=1e-5, seed=14):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.gamma = np.ones(hidden)
        self.beta = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.lr, self.eps = lr, eps

    def train_step(self, X, y):
        z = X @ self.W1
        mu, var = z.mean(axis=1, keepdims=True), z.var(axis=1, keepdims=True)   # BUG: mu, var = z.mean(axis=0, keepdims=True), z.var(axis=0, keepdims=True)
        inv_std = 1.0 / np.sqrt(var + self.eps)
        zhat = (z - mu) * inv_std
        a = self.gamma * zhat + self.beta
        h = np.tanh(a)
        out = h @ self.W2 + self.b2
        loss = 0.5 * np.mean((out - y) ** 2)

        d_out = (out - y) / out.size
        d_a = (d_out @ self.W2.T) * (1.0 - h ** 2)
        d_zhat = d_a * self.gamma
        d_z = inv_std * (d_zhat - d_zhat.mean(axis=0, keepdims=True)
                         - zhat * (d_zhat * zhat).mean(axis=0, keepdims=True))

        self.W2 -= self.lr * (h.T @ d_out)
        self.b2 -= self.lr * d_out.sum(axis=0)
        self.gamma -= self.lr * (d_a * zhat).sum(axis=0)
        self.beta -= self.lr * d_a.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d_z)
        return float(loss)
