"""Heteroscedastic regression from scratch: 3 inputs -> 10 tanh units -> two heads, the mean mu and
a raw scale s whose softplus is the standard deviation, sigma = log(1 + exp(s)). Trained on the
Gaussian negative log-likelihood without its constant, mean(log sigma + (y - mu)^2 / (2 sigma^2)),
with plain gradient descent."""

import numpy as np

LEARNING_RATE = 0.05


class GaussSigmaNet:
    def __init__(self, n_in=3, n_hidden=10, seed=4):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.3, (n_hidden, 2))
        self.b2 = np.array([0.0, 0.5])

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        mu, s = out[:, :1], out[:, 1:]
        sigma = np.logaddexp(0, s)
        r = y - mu
        loss = np.mean(np.log(sigma) + 0.5 * r ** 2 / sigma ** 2)

        d_mu = -r / sigma ** 2 / n
        d_sigma = (1 / sigma - r ** 2 / sigma ** 3) / n
        d_s = d_sigma / (1 + np.exp(-s))
        d_out = np.concatenate([d_mu, d_s], axis=1)
        d_h = (d_out @ self.W2.T) * (1 - h ** 2)

        self.W2 -= LEARNING_RATE * (h.T @ d_out)
        self.b2 -= LEARNING_RATE * d_out.sum(axis=0)
        self.W1 -= LEARNING_RATE * (X.T @ d_h)
        self.b1 -= LEARNING_RATE * d_h.sum(axis=0)
        return float(loss)
