"""Per-sample backprop in a loop whose range stops one row short: the last row of every batch
never contributes to the gradient."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class LoopNet:
    def __init__(self, X, y, hidden=5, lr=0.5):
        rng = np.random.default_rng(10)
        self.W1 = rng.normal(0, 1, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 1, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def train_epoch(self, X, y):
        gW1, gb1 = np.zeros_like(self.W1), np.zeros_like(self.b1)
        gW2, gb2 = np.zeros_like(self.W2), np.zeros_like(self.b2)
        for i in range(len(X) - 1):                       # BUG: range(len(X))
            x, t = X[i], y[i]
            h = sigmoid(x @ self.W1 + self.b1)
            o = sigmoid(h @ self.W2 + self.b2)
            d_o = 2 * (o - t) * o * (1 - o)
            d_h = (self.W2 @ d_o) * h * (1 - h)
            gW2 += np.outer(h, d_o)
            gb2 += d_o
            gW1 += np.outer(x, d_h)
            gb1 += d_h
        self.W1 -= self.lr * gW1
        self.b1 -= self.lr * gb1
        self.W2 -= self.lr * gW2
        self.b2 -= self.lr * gb2
