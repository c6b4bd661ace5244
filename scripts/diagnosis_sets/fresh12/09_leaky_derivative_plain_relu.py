"""NumPy ReLU regressor with two hidden layers (6 -> 10 -> 8 -> 1, linear output, mean squared
error, plain gradient descent). The forward pass is plain ReLU, max(z, 0), but the derivative
helper was copied from a leaky-ReLU file: np.where(z > 0, 1, 0.01), so 1% of the gradient
leaks back through every inactive unit, where ReLU's derivative there is 0."""

import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def relu_grad(z):
    return np.where(z > 0, 1.0, 0.01)   # BUG: ReLU's derivative is 0 below zero: np.where(z > 0, 1.0, 0.0)


class ReluRegressor:
    def __init__(self, X, y, widths=(10, 8), lr=0.1):
        rng = np.random.default_rng(121)
        self.W1 = rng.normal(0, 0.4, (X.shape[1], widths[0]))
        self.b1 = np.zeros(widths[0])
        self.W2 = rng.normal(0, 0.4, (widths[0], widths[1]))
        self.b2 = np.zeros(widths[1])
        self.W3 = rng.normal(0, 0.4, (widths[1], 1))
        self.b3 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        h1 = relu(z1)
        z2 = h1 @ self.W2 + self.b2
        h2 = relu(z2)
        out = h2 @ self.W3 + self.b3
        loss = float(np.mean((out - y) ** 2))
        d3 = 2.0 * (out - y) / len(X)
        d2 = (d3 @ self.W3.T) * relu_grad(z2)
        d1 = (d2 @ self.W2.T) * relu_grad(z1)
        self.W3 -= self.lr * (h2.T @ d3)
        self.b3 -= self.lr * d3.sum(axis=0)
        self.W2 -= self.lr * (h1.T @ d2)
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d1)
        self.b1 -= self.lr * d1.sum(axis=0)
        return loss
