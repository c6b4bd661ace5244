"""Sigmoid network (6 -> 7 -> 1, sigmoid output, mean binary cross-entropy) trained by gradient
descent with a learning rate that falls linearly from LR0 to zero over TOTAL_STEPS steps:
lr_t = LR0 * (1 - t / TOTAL_STEPS), t the number of steps already taken."""

import numpy as np

LR0 = 0.5
TOTAL_STEPS = 50


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class LinearDecayNet:
    def __init__(self, X, y, hidden=7, seed=6):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)
        self.t = 0

    def train_step(self, X, y):
        lr = LR0 * (1.0 - min(self.t, TOTAL_STEPS) / TOTAL_STEPS)
        h = sigmoid(X @ self.W1 + self.b1)
        p = sigmoid(h @ self.W2 + self.b2)
        loss = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
        d2 = (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * h * (1.0 - h)
        self.W2 -= lr * (h.T @ d2)
        self.b2 -= lr * d2.sum(axis=0)
        self.W1 -= lr * (X.T @ d1)
        self.b1 -= lr * d1.sum(axis=0)
        self.t += 1
        return float(loss)
