"""tanh hidden layer, sigmoid output, BCE; the derivative is written 1 - np.tanh(a)**2 but
given the activation a = tanh(z), so tanh is applied twice."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class TanhClassifier:
    def __init__(self, X, y, hidden=6, lr=0.5):
        rng = np.random.default_rng(5)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros((1, hidden))
        self.W2 = rng.normal(0, 0.5, (hidden, y.shape[1]))
        self.b2 = np.zeros((1, y.shape[1]))
        self.lr = lr

    def train(self, X, y):
        a1 = np.tanh(X @ self.W1 + self.b1)
        out = sigmoid(a1 @ self.W2 + self.b2)
        dz2 = (out - y) / X.shape[0]
        dz1 = (dz2 @ self.W2.T) * (1 - np.tanh(a1) ** 2)   # BUG: a1 is already tanh(z); should be 1 - a1**2
        self.W2 -= self.lr * a1.T @ dz2
        self.b2 -= self.lr * dz2.sum(axis=0, keepdims=True)
        self.W1 -= self.lr * X.T @ dz1
        self.b1 -= self.lr * dz1.sum(axis=0, keepdims=True)
        return out
