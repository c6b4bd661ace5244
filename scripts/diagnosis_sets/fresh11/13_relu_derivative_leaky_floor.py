"""NumPy ReLU classifier with two hidden layers (6 -> 8 -> 5 -> 1, sigmoid output, mean binary
cross-entropy, plain gradient descent). The ReLU derivative helper was copied from a leaky-ReLU
network: it returns 0.01 for the inactive units instead of 0, while the forward pass is the
plain ReLU max(z, 0); every inactive unit leaks 1% of its back-propagated error."""

import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def relu_grad(a):
    return np.where(a > 0, 1.0, 0.01)   # BUG: ReLU's derivative is 0 where inactive: np.where(a > 0, 1.0, 0.0)


class DeepReluBCE:
    def __init__(self, X, y, widths=(8, 5), lr=0.5):
        rng = np.random.default_rng(13)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], widths[0]))
        self.b1 = np.zeros(widths[0])
        self.W2 = rng.normal(0, 0.5, (widths[0], widths[1]))
        self.b2 = np.zeros(widths[1])
        self.W3 = rng.normal(0, 0.5, (widths[1], 1))
        self.b3 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        a1 = relu(X @ self.W1 + self.b1)
        a2 = relu(a1 @ self.W2 + self.b2)
        z = a2 @ self.W3 + self.b3
        out = 1.0 / (1.0 + np.exp(-z))
        loss = float(np.mean(np.logaddexp(0.0, z) - y * z))
        d3 = (out - y) / len(X)
        d2 = (d3 @ self.W3.T) * relu_grad(a2)
        d1 = (d2 @ self.W2.T) * relu_grad(a1)
        self.W3 -= self.lr * a2.T @ d3
        self.b3 -= self.lr * d3.sum(axis=0)
        self.W2 -= self.lr * a1.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)
        return loss
