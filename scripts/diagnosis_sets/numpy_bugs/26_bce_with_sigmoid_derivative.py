"""Binary cross-entropy on a sigmoid, but the output delta (o - y) is multiplied again by
o (1 - o), which the cross-entropy already cancelled."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_prime(a):
    return a * (1 - a)


class BCENet:
    def __init__(self, X, y, hidden=6, lr=1.0):
        rng = np.random.default_rng(20)
        self.W1 = rng.normal(0, 1, (X.shape[1], hidden))
        self.b1 = np.zeros((1, hidden))
        self.W2 = rng.normal(0, 1, (hidden, y.shape[1]))
        self.b2 = np.zeros((1, y.shape[1]))
        self.lr = lr

    def train(self, X, y):
        a1 = sigmoid(X @ self.W1 + self.b1)
        self.out = sigmoid(a1 @ self.W2 + self.b2)
        dz2 = (self.out - y) / len(X) * sigmoid_prime(self.out)   # BUG: (out - y) / n alone
        dz1 = dz2 @ self.W2.T * sigmoid_prime(a1)
        self.W2 -= self.lr * a1.T @ dz2
        self.b2 -= self.lr * dz2.sum(axis=0, keepdims=True)
        self.W1 -= self.lr * X.T @ dz1
        self.b1 -= self.lr * dz1.sum(axis=0, keepdims=True)
