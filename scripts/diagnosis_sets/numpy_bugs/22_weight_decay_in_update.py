"""A weight decay of 1e-3 applied in the update (W -= lr * (g + wd * W)), left over from an
experiment; the PyTorch side has none."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class Net:
    def __init__(self, X, y, hidden=5, lr=0.5, weight_decay=1e-3):
        rng = np.random.default_rng(16)
        self.W1 = rng.normal(0, 1, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 1, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.weight_decay = lr, weight_decay

    def train_step(self, X, y):
        a1 = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(a1 @ self.W2 + self.b2)
        d2 = 2 * (out - y) * out * (1 - out)
        d1 = (d2 @ self.W2.T) * a1 * (1 - a1)
        self.W2 -= self.lr * (a1.T @ d2 + self.weight_decay * self.W2)   # BUG: decay
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d1 + self.weight_decay * self.W1)    # BUG: decay
        self.b1 -= self.lr * d1.sum(axis=0)
