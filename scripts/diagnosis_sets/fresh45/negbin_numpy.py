"""Over-dispersed counts: a negative-binomial (NB2) regression network from scratch, 3 inputs -> 8
tanh units -> the log-mean z, mu = exp(z), with a fixed dispersion ALPHA (variance
mu + ALPHA mu^2, size r = 1 / ALPHA). Loss: the full NB negative log-likelihood (log-gamma terms
included), averaged over the rows. Its gradient on z is (mu - y) / (1 + ALPHA mu) / n."""

import math

import numpy as np

ALPHA = 0.5
LEARNING_RATE = 0.05

_lgamma = np.vectorize(math.lgamma)


class NegBinNet:
    def __init__(self, n_in=3, n_hidden=8, seed=5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.2, (n_hidden, 1))
        self.b2 = np.array([np.log(4.0)])

    def train_step(self, X, y):
        n = len(X)
        r = 1.0 / ALPHA
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        mu = np.exp(z)
        log_norm = (_lgamma(y + r) - math.lgamma(r) - _lgamma(y + 1)).astype(y.dtype)
        log_lik = log_norm + r * np.log(r / (r + mu)) + y * np.log(mu / (r + mu))
        loss = -np.mean(log_lik)

        d_z = (mu - y) / (1 + ALPHA * mu) / n
        d_h = (d_z @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LEARNING_RATE * (h.T @ d_z)
        self.b2 -= LEARNING_RATE * d_z.sum(axis=0)
        self.W1 -= LEARNING_RATE * (X.T @ d_h)
        self.b1 -= LEARNING_RATE * d_h.sum(axis=0)
        return float(loss)
