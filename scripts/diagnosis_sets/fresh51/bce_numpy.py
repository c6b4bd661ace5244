"""Autoencoder in NumPy for readings in [0, 1]: 8 -> 4 sigmoid -> 8 sigmoid, binary cross-entropy
averaged over every reading (rows and columns), the delta at the output logits (x_hat - x) / size.

    X: (m, 8) readings, y: (m, 8) the same readings
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class BCEAutoencoder:
    def __init__(self, X, y, code=4, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (X.shape[1], code))
        self.b1 = np.zeros(code)
        self.W2 = rng.normal(0.0, 0.5, (code, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])

    def train_step(self, X, y, lr):
        target = y
        h = sigmoid(X @ self.W1 + self.b1)
        x_hat = sigmoid(h @ self.W2 + self.b2)
        self.x_hat = x_hat
        d2 = (x_hat - target) / target.size
        d1 = (d2 @ self.W2.T) * h * (1 - h)
        self.W2 -= lr * h.T @ d2
        self.b2 -= lr * d2.sum(axis=0)
        self.W1 -= lr * X.T @ d1
        self.b1 -= lr * d1.sum(axis=0)
