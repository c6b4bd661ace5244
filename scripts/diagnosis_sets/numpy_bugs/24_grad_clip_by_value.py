"""Gradients clipped element-wise to [-0.1, 0.1] before the update; the PyTorch side does not clip."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class ClippedNet:
    def __init__(self, X, y, hidden=5, lr=0.5, clip=0.1):
        rng = np.random.default_rng(18)
        self.W1 = rng.normal(0, 1, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 1, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.clip = lr, clip

    def train_step(self, X, y):
        a1 = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(a1 @ self.W2 + self.b2)
        d2 = 2 * (out - y) * out * (1 - out)
        d1 = (d2 @ self.W2.T) * a1 * (1 - a1)
        grads = [a1.T @ d2, d2.sum(axis=0), X.T @ d1, d1.sum(axis=0)]
        grads = [np.clip(g, -self.clip, self.clip) for g in grads]   # BUG: not in the port
        for param, g in zip((self.W2, self.b2, self.W1, self.b1), grads):
            param -= self.lr * g
