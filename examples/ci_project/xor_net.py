"""XOR learned by a NumPy network: 3 inputs, 4 sigmoid hidden units, biases, the sum of squared errors."""

import numpy as np


class XorNet:
    def __init__(self, X, y, hidden=4, lr=0.5):
        rng = np.random.default_rng(0)
        self.W1, self.b1 = rng.normal(0, 1, (X.shape[1], hidden)), np.zeros(hidden)
        self.W2, self.b2 = rng.normal(0, 1, (hidden, y.shape[1])), np.zeros(y.shape[1])
        self.lr = lr

    def train_step(self, X, y):
        h = 1 / (1 + np.exp(-(X @ self.W1 + self.b1)))
        self.out = 1 / (1 + np.exp(-(h @ self.W2 + self.b2)))
        d_out = 2 * (self.out - y) * self.out * (1 - self.out)
        d_h = d_out @ self.W2.T * h * (1 - h)
        self.W2 -= self.lr * h.T @ d_out
        self.b2 -= self.lr * d_out.sum(axis=0)
        self.W1 -= self.lr * X.T @ d_h
        self.b1 -= self.lr * d_h.sum(axis=0)
