"""Per-pixel weighted binary cross-entropy on 2x2 masks (foreground pixels weighted FG_WEIGHT times
more, as U-Net's weight maps do), NumPy: 6 -> 8 tanh -> 4 sigmoid pixels, BCE from the logit."""

import numpy as np

FG_WEIGHT = 3.0
LR = 1.0


class WeightedMaskNet:
    def __init__(self, n_in=6, n_hidden=8, n_out=4, seed=12):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.6, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.6, (n_hidden, n_out))
        self.b2 = np.zeros(n_out)

    def train_step(self, X, y):
        w = 1.0 + (FG_WEIGHT - 1.0) * y
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        p = 1.0 / (1.0 + np.exp(-z))
        norm = w.sum()   # fix: norm = y.size
        loss = np.sum(w * (np.logaddexp(0, z) - y * z)) / norm
        dz = w * (p - y) / norm
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return loss
