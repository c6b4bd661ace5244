"""Tanh softmax classifier (5 -> 10 -> 3) trained on label-smoothed targets: each one-hot row
becomes (1 - SMOOTHING) * y + SMOOTHING / K over the K classes, and the loss is the mean
cross-entropy against those targets (computed through a stable log-softmax). Plain gradient
descent at 0.3. The PyTorch port is 11_smoothed_softmax_torch.py."""

import numpy as np

SMOOTHING = 0.1


class SmoothedSoftmax:
    def __init__(self, n_in=5, hidden=10, n_classes=3, lr=0.3, seed=11):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.lr = lr

    def train_step(self, X, y):
        n, K = y.shape
        target = (1.0 - SMOOTHING) * y + SMOOTHING // K   # BUG: (1.0 - SMOOTHING) * y + SMOOTHING / K
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        m = z.max(axis=1, keepdims=True)
        log_p = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
        loss = -np.mean(np.sum(target * log_p, axis=1))
        dz = (np.exp(log_p) - target) / n
        dh = (dz @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= self.lr * (h.T @ dz)
        self.b2 -= self.lr * dz.sum(axis=0)
        self.W1 -= self.lr * (X.T @ dh)
        self.b1 -= self.lr * dh.sum(axis=0)
        return float(loss)
