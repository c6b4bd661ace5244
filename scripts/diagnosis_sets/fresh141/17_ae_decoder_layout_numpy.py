"""A denoising autoencoder with tied weights, in NumPy, the matrix kept in decoder layout.

One matrix W (n_hidden, n_in) serves both directions:

    h   = sigmoid(X @ W.T + b_enc)      encoder: W transposed
    out = h @ W + b_dec                 decoder: W as it is

Loss: mean squared reconstruction error against the clean rows (mean over
every element). SGD with heavy-ball momentum, written as p += -lr * buf with
buf = momentum * buf + g, keeping the buffers as a list in the order of
self.names.

    X: float (N, n_in) corrupted input, y: float (N, n_in) clean target.
"""

import math

import numpy as np


class TiedAutoencoderT:
    names = ("W", "b_enc", "b_dec")

    def __init__(self, n_in=12, n_hidden=5, lr=0.5, momentum=0.9, seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.lr = lr
        self.mu = momentum
        self.W = (rng.standard_normal((n_hidden, n_in)) / math.sqrt(n_in)).astype(dtype)
        self.b_enc = (rng.standard_normal(n_hidden) * 0.1).astype(dtype)
        self.b_dec = (rng.standard_normal(n_in) * 0.1).astype(dtype)
        self.grads = {}
        self.velocity = {n: np.zeros_like(getattr(self, n)) for n in self.names}

    def loss(self, X, y):
        h = 1.0 / (1.0 + np.exp(-(X @ self.W.T + self.b_enc)))
        return np.mean((h @ self.W + self.b_dec - y) ** 2)

    def train_step(self, X, y):
        z = X @ self.W.T + self.b_enc
        h = 1.0 / (1.0 + np.exp(-z))
        out = h @ self.W + self.b_dec
        r = out - y
        loss = np.mean(r * r)

        g_out = r * (2.0 / r.size)
        g_z = (g_out @ self.W.T) * h * (1.0 - h)
        # decoder use (h.T @ g_out) and encoder use (g_z.T @ X), both (n_hidden, n_in)
        self.grads = {
            "W": h.T @ g_out + g_z.T @ X,
            "b_enc": g_z.sum(axis=0),
            "b_dec": g_out.sum(axis=0),
        }
        for n in self.names:
            buf = self.velocity[n]
            buf *= self.mu
            buf += self.grads[n]
            getattr(self, n)[...] += -self.lr * buf
        return float(loss)
