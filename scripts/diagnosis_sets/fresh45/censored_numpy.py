"""Regression on targets clipped from above (a Tobit model with a known noise scale of 1): the sensor
saturates at CEILING = 0.3, so a reading of 0.3 only says that the true value is at least 0.3.
3 inputs -> 8 tanh units -> mu. Loss per row: 0.5 (y - mu)^2 for an exact reading, -log P(y* >= C)
= -log Phi(mu - C) for a saturated one, averaged. The censored rows' gradient on mu is the inverse
Mills ratio -phi(t) / Phi(t), t = mu - C."""

import math

import numpy as np

CEILING = 0.3
LEARNING_RATE = 0.1

_erf = np.vectorize(math.erf)


class CensoredNet:
    def __init__(self, n_in=3, n_hidden=8, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.3, (n_hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        mu = h @ self.W2 + self.b2
        censored = y >= CEILING
        t = mu - CEILING
        cdf = (0.5 * (1 + _erf(t / math.sqrt(2)))).astype(mu.dtype)
        pdf = np.exp(-0.5 * t ** 2) / math.sqrt(2 * math.pi)
        loss = np.mean(np.where(censored, -np.log(cdf), 0.5 * (y - mu) ** 2))

        d_mu = np.where(censored, -pdf / cdf, mu - y) / n
        d_h = (d_mu @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LEARNING_RATE * (h.T @ d_mu)
        self.b2 -= LEARNING_RATE * d_mu.sum(axis=0)
        self.W1 -= LEARNING_RATE * (X.T @ d_h)
        self.b1 -= LEARNING_RATE * d_h.sum(axis=0)
        return float(loss)
