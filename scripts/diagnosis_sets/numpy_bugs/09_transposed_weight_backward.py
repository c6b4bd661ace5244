"""Two hidden layers of equal width; the delta is back-propagated through W2 instead of W2.T
(the shapes fit, the square weight hides it)."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class DeepNet:
    def __init__(self, X, y, width=6, lr=0.5):
        rng = np.random.default_rng(5)
        self.W1, self.b1 = rng.uniform(-1, 1, (X.shape[1], width)), np.zeros(width)
        self.W2, self.b2 = rng.uniform(-1, 1, (width, width)), np.zeros(width)
        self.W3, self.b3 = rng.uniform(-1, 1, (width, y.shape[1])), np.zeros(y.shape[1])
        self.lr = lr

    def train_on(self, X, y):
        a1 = sigmoid(X @ self.W1 + self.b1)
        a2 = sigmoid(a1 @ self.W2 + self.b2)
        a3 = sigmoid(a2 @ self.W3 + self.b3)
        d3 = (a3 - y) * a3 * (1 - a3)
        d2 = (d3 @ self.W3.T) * a2 * (1 - a2)
        d1 = (d2 @ self.W2) * a1 * (1 - a1)          # BUG: should be d2 @ self.W2.T
        self.W3 -= self.lr * a2.T @ d3
        self.b3 -= self.lr * d3.sum(axis=0)
        self.W2 -= self.lr * a1.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)
