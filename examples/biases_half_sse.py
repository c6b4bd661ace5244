"""Biases, the textbook 0.5 * sum loss, a learning rate of 0.5, row-vector biases of shape (1, h).

    parity check examples/biases_half_sse.py:Network --step "net.train_step(X, y)" --loss half-sse --lr 0.5 --output out
"""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class Network:
    def __init__(self, X, y, hidden=4, lr=0.5):
        rng = np.random.default_rng(1)
        self.W1 = rng.normal(size=(X.shape[1], hidden))
        self.b1 = np.zeros((1, hidden))
        self.W2 = rng.normal(size=(hidden, y.shape[1]))
        self.b2 = np.zeros((1, y.shape[1]))
        self.lr = lr

    def forward(self, X):
        self.a1 = sigmoid(X @ self.W1 + self.b1)
        self.out = sigmoid(self.a1 @ self.W2 + self.b2)
        return self.out

    def loss(self, y):
        return 0.5 * np.sum((self.out - y) ** 2)

    def backward(self, X, y):
        d_out = (self.out - y) * self.out * (1 - self.out)
        d_hidden = (d_out @ self.W2.T) * self.a1 * (1 - self.a1)
        self.W2 -= self.lr * self.a1.T @ d_out
        self.b2 -= self.lr * d_out.sum(axis=0, keepdims=True)
        self.W1 -= self.lr * X.T @ d_hidden
        self.b1 -= self.lr * d_hidden.sum(axis=0, keepdims=True)

    def train_step(self, X, y):
        self.forward(X)
        self.backward(X, y)
