"""Two hidden layers (8 and 5 units), sigmoid throughout, biases, half the sum of squared errors.

    parity check examples/two_hidden_layers.py:DeepNet --loss half-sse --lr 0.5 --step "net.train_on(X, y)" --output a3
"""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class DeepNet:
    def __init__(self, X, y, sizes=(8, 5), lr=0.5):
        rng = np.random.default_rng(7)
        n1, n2 = sizes
        self.W1, self.b1 = rng.uniform(-1, 1, (X.shape[1], n1)), np.zeros(n1)
        self.W2, self.b2 = rng.uniform(-1, 1, (n1, n2)), np.zeros(n2)
        self.W3, self.b3 = rng.uniform(-1, 1, (n2, y.shape[1])), np.zeros(y.shape[1])
        self.lr = lr

    def train_on(self, X, y):
        a1 = sigmoid(X @ self.W1 + self.b1)
        a2 = sigmoid(a1 @ self.W2 + self.b2)
        self.a3 = sigmoid(a2 @ self.W3 + self.b3)
        d3 = (self.a3 - y) * self.a3 * (1 - self.a3)
        d2 = (d3 @ self.W3.T) * a2 * (1 - a2)
        d1 = (d2 @ self.W2.T) * a1 * (1 - a1)
        self.W3 -= self.lr * a2.T @ d3
        self.b3 -= self.lr * d3.sum(axis=0)
        self.W2 -= self.lr * a1.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)
