"""Sigmoid output with the sum of squared errors, but the output delta leaves out the
sigmoid's derivative o (1 - o)."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class NeuralNet:
    def __init__(self, X, y, hidden=6, lr=0.2):
        rng = np.random.default_rng(13)
        self.Wxh = rng.normal(0, 0.8, (X.shape[1], hidden))
        self.bh = np.zeros(hidden)
        self.Why = rng.normal(0, 0.8, (hidden, y.shape[1]))
        self.by = np.zeros(y.shape[1])
        self.lr = lr

    def train(self, X, y):
        h = sigmoid(X @ self.Wxh + self.bh)
        yhat = sigmoid(h @ self.Why + self.by)
        delta_y = 2 * (yhat - y)                       # BUG: * yhat * (1 - yhat) missing
        delta_h = delta_y @ self.Why.T * h * (1 - h)
        self.Why -= self.lr * h.T @ delta_y
        self.by -= self.lr * delta_y.sum(axis=0)
        self.Wxh -= self.lr * X.T @ delta_h
        self.bh -= self.lr * delta_h.sum(axis=0)
