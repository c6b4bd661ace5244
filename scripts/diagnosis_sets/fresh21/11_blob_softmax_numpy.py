"""Softmax classifier for the three blobs, from scratch, with cosine annealing of the learning
rate (SGDR without restarts): after t updates lr = LR_MIN + (LR0 - LR_MIN) (1 + cos(pi t /
T_MAX)) / 2. 4 -> 8 sigmoid -> 3, mean cross-entropy, one update per mini-batch."""

import math

import numpy as np

LR0 = 0.5
LR_MIN = 0.01
T_MAX = 40


class BlobSoftmax:
    def __init__(self, X, y, hidden=8):
        rng = np.random.default_rng(4)
        self.W1 = rng.normal(0.0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.t = 0

    def train_step(self, X, y):
        lr = LR_MIN + (LR0 - LR_MIN) * (1.0 + math.cos(self.t / T_MAX)) / 2.0   # BUG: lr = LR_MIN + (LR0 - LR_MIN) * (1.0 + math.cos(math.pi * self.t / T_MAX)) / 2.0
        h = 1.0 / (1.0 + np.exp(-(X @ self.W1 + self.b1)))
        z = h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(np.sum(p * y, axis=1)))

        dz = (p - y) / len(X)
        dh = (dz @ self.W2.T) * h * (1.0 - h)
        self.W2 -= lr * (h.T @ dz)
        self.b2 -= lr * dz.sum(axis=0)
        self.W1 -= lr * (X.T @ dh)
        self.b1 -= lr * dh.sum(axis=0)
        self.t += 1
        return float(loss)
