"""Tied-weight autoencoder in NumPy: 6 inputs -> 3 sigmoid code units -> 6 linear outputs, the
decoder using the transpose of the encoder's weight (out = h @ W.T + c), mean squared
reconstruction error, gradient descent. Port: 15_pair_torch.py."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class TiedAutoencoder:
    def __init__(self, n_in=6, code=3, lr=0.5, seed=15):
        rng = np.random.default_rng(seed)
        self.W = rng.normal(0, 0.5, (n_in, code))
        self.b = np.zeros(code)
        self.c = np.zeros(n_in)
        self.lr = lr

    def train_step(self, X, y):
        h = sigmoid(X @ self.W + self.b)
        out = h @ self.W.T + self.c
        loss = np.mean((out - y) ** 2)

        d_out = 2 * (out - y) / y.size
        d_code = (d_out @ self.W) * h * (1 - h)
        gW = X.T @ d_code               # BUG: W is used twice, by the encoder and (transposed) by the decoder: gW = X.T @ d_code + d_out.T @ h
        gb = d_code.sum(axis=0)
        gc = d_out.sum(axis=0)

        self.W -= self.lr * gW
        self.b -= self.lr * gb
        self.c -= self.lr * gc
        return float(loss)
