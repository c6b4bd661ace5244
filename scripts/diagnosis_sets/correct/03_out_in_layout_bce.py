"""Weights stored (out, in) like nn.Linear, row-vector biases (1, out), samples as rows, BCE (mean)."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class LinearLayout:
    def __init__(self, X, y, hidden=5, lr=0.8):
        rng = np.random.default_rng(2)
        self.W_h = rng.normal(0, 0.5, (hidden, X.shape[1]))     # (out, in)
        self.b_h = np.zeros((1, hidden))
        self.W_o = rng.normal(0, 0.5, (y.shape[1], hidden))     # (out, in)
        self.b_o = np.zeros((1, y.shape[1]))
        self.lr = lr

    def step(self, X, y):
        h = sigmoid(X @ self.W_h.T + self.b_h)
        self.out = sigmoid(h @ self.W_o.T + self.b_o)
        n = X.shape[0]
        d_o = (self.out - y) / n
        d_h = (d_o @ self.W_o) * h * (1 - h)
        self.W_o -= self.lr * d_o.T @ h
        self.b_o -= self.lr * d_o.sum(axis=0, keepdims=True)
        self.W_h -= self.lr * d_h.T @ X
        self.b_h -= self.lr * d_h.sum(axis=0, keepdims=True)
