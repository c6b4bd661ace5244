"""Tied-weight KL sparse autoencoder in NumPy, written another way (same model as kl_numpy.py).

The tied weight is kept in the decoder layout, D (n_hidden, n_in): one dictionary atom per row;
the encoder uses D.T. Products by einsum, the KL gradient through the logistic form
beta/N * (rho_hat - rho) / (rho_hat (1 - rho_hat)), momentum updated in place, rows of D
rescaled by their Euclidean length.
"""

import numpy as np


class TiedKLAutoencoderT:
    def __init__(self, n_in=16, n_hidden=24, rho=0.05, beta=0.5, lr=0.1, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.rho, self.beta, self.lr, self.mu = rho, beta, lr, momentum
        self.D = rng.normal(0.0, 0.3, (n_in, n_hidden)).T.copy()
        self.c = np.zeros(n_hidden)          # encoder bias
        self.a = np.zeros(n_in)              # decoder bias
        self.buf = {"D": np.zeros_like(self.D), "c": np.zeros_like(self.c),
                    "a": np.zeros_like(self.a)}
        self.grads = {}

    def _codes(self, X):
        z = np.einsum("ni,hi->nh", X, self.D) + self.c
        return 0.5 * (1.0 + np.tanh(0.5 * z))          # the logistic function

    def loss(self, X, y=None):
        h = self._codes(X)
        R = np.einsum("nh,hi->ni", h, self.D) + self.a - X
        q = h.mean(axis=0)
        r = self.rho
        kl = r * (np.log(r) - np.log(q)) + (1 - r) * (np.log1p(-r) - np.log1p(-q))
        return 0.5 * np.einsum("ni,ni->", R, R) / X.shape[0] + self.beta * kl.sum()

    def train_step(self, X, y):
        N = X.shape[0]
        h = self._codes(X)
        loss = self.loss(X)
        R = (np.einsum("nh,hi->ni", h, self.D) + self.a - X) / N
        q = h.mean(axis=0)
        g_h = np.einsum("ni,hi->nh", R, self.D) \
            + (self.beta / N) * (q - self.rho) / (q * (1 - q))
        g_z = g_h * h * (1 - h)
        self.grads = {
            "D": np.einsum("nh,ni->hi", h, R) + np.einsum("nh,ni->hi", g_z, X),
            "c": g_z.sum(axis=0),
            "a": R.sum(axis=0),
        }
        for name in ("D", "c", "a"):
            b = self.buf[name]
            b *= self.mu
            b += self.grads[name]
            getattr(self, name)[...] -= self.lr * b
        self.D /= np.sqrt(np.einsum("hi,hi->h", self.D, self.D))[:, None]
        return float(loss)
