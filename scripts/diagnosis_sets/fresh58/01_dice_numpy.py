"""Soft Dice loss on 2x2 masks, written by hand in NumPy: 6 inputs -> 8 tanh -> 4 sigmoid pixels.
Dice per example, dice_i = (2 sum_j p y + SMOOTH) / (sum_j p + sum_j y + SMOOTH), loss = mean_i (1 - dice_i).
Gradient derived by hand; plain gradient descent."""

import numpy as np

SMOOTH = 1.0
LR = 1.0


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class DiceNet:
    def __init__(self, n_in=6, n_hidden=8, n_out=4, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.6, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.6, (n_hidden, n_out))
        self.b2 = np.zeros(n_out)

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        p = sigmoid(h @ self.W2 + self.b2)
        num = 2.0 * (p * y).sum(axis=1, keepdims=True) + SMOOTH
        den = p.sum(axis=1, keepdims=True) + y.sum(axis=1, keepdims=True) + SMOOTH
        loss = np.mean(1.0 - num / den)
        dp = -(2.0 * y * den - num) / den ** 2 / n
        dz = dp * p * (1.0 - p)
        dh = (dz @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return loss
