"""NumPy network with two sigmoid hidden layers of the same width, a sigmoid output and the
summed squared error, every gradient written out by hand. The middle weight's gradient takes
the layer's own output a2 where it needs the layer's input a1 (a2.T @ d2 instead of
a1.T @ d2): an index slip that the equal widths keep shape-correct."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class DeepSigmoid:
    def __init__(self, X, y, width=5, lr=0.5):
        rng = np.random.default_rng(9)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], width))
        self.b1 = np.zeros(width)
        self.W2 = rng.normal(0, 0.5, (width, width))
        self.b2 = np.zeros(width)
        self.W3 = rng.normal(0, 0.5, (width, y.shape[1]))
        self.b3 = np.zeros(y.shape[1])
        self.lr = lr

    def train_step(self, X, y):
        a1 = sigmoid(X @ self.W1 + self.b1)
        a2 = sigmoid(a1 @ self.W2 + self.b2)
        a3 = sigmoid(a2 @ self.W3 + self.b3)
        d3 = 2 * (a3 - y) * a3 * (1 - a3)
        d2 = (d3 @ self.W3.T) * a2 * (1 - a2)
        d1 = (d2 @ self.W2.T) * a1 * (1 - a1)
        dW3, db3 = a2.T @ d3, d3.sum(axis=0)
        dW2, db2 = a2.T @ d2, d2.sum(axis=0)   # BUG: a1.T @ d2
        dW1, db1 = X.T @ d1, d1.sum(axis=0)
        self.W3 -= self.lr * dW3
        self.b3 -= self.lr * db3
        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * db2
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        return float(np.sum((a3 - y) ** 2))
