"""Correct NumPy programs the ports in this folder are checked against, where the kit's own
NumPy network cannot stand in (a schedule built with the optimizer)."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SigmoidMLP:
    """Two sigmoid layers with biases, sum of squared errors, plain SGD at a fixed rate."""

    def __init__(self, X, y, hidden=6, lr=0.5):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 0.5, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def loss(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(h @ self.W2 + self.b2)
        return float(np.sum((out - y) ** 2))

    def train_step(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(h @ self.W2 + self.b2)
        loss = np.sum((out - y) ** 2)
        d_out = 2 * (out - y) * out * (1 - out)
        d_h = (d_out @ self.W2.T) * h * (1 - h)
        self.W2 -= self.lr * (h.T @ d_out)
        self.b2 -= self.lr * d_out.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d_h)
        self.b1 -= self.lr * d_h.sum(axis=0)
        return float(loss)
