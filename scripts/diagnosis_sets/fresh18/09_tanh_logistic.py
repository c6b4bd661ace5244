"""Tanh network for binary labels (6 -> 10 -> 1, sigmoid output, binary cross-entropy summed
over the batch), plain gradient descent. forward caches what backward needs."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class TanhLogistic:
    def __init__(self, X, y, hidden=10, lr=0.05, seed=9):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.X = X
        z1 = X @ self.W1 + self.b1
        self.h = np.tanh(z1).astype(np.float16)   # BUG: self.h = np.tanh(z1)
        self.p = sigmoid(self.h @ self.W2 + self.b2)
        return self.p

    def backward(self, y):
        d2 = self.p - y
        d1 = (d2 @ self.W2.T) * (1.0 - self.h ** 2)
        return {"W1": self.X.T @ d1, "b1": d1.sum(axis=0), "W2": self.h.T @ d2, "b2": d2.sum(axis=0)}

    def train_step(self, X, y):
        p = self.forward(X)
        loss = -np.sum(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
        grads = self.backward(y)
        self.W1 -= self.lr * grads["W1"]
        self.b1 -= self.lr * grads["b1"]
        self.W2 -= self.lr * grads["W2"]
        self.b2 -= self.lr * grads["b2"]
        return float(loss)
