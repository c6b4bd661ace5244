"""Weight gradients summed over the batch, bias gradients averaged over it."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class Network:
    def __init__(self, X, y, hidden=6, lr=0.2):
        rng = np.random.default_rng(8)
        self.W1 = rng.normal(0, 0.7, (X.shape[1], hidden))
        self.b1 = np.zeros((1, hidden))
        self.W2 = rng.normal(0, 0.7, (hidden, y.shape[1]))
        self.b2 = np.zeros((1, y.shape[1]))
        self.lr = lr

    def train_step(self, X, y):
        a1 = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(a1 @ self.W2 + self.b2)
        d2 = (out - y) * out * (1 - out)
        d1 = (d2 @ self.W2.T) * a1 * (1 - a1)
        self.W2 -= self.lr * a1.T @ d2
        self.b2 -= self.lr * np.mean(d2, axis=0, keepdims=True)   # BUG: mean, the weights sum
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * np.mean(d1, axis=0, keepdims=True)   # BUG: mean
