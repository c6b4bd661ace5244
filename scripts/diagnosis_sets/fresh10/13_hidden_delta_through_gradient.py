"""NumPy sigmoid network (4 -> 9 -> 1, sigmoid hidden and output, sum of squared errors,
plain gradient descent). In the backward pass the hidden delta is back-propagated through
dW2, the output weight's gradient computed on the line before, instead of through the
weight W2: a one-letter variable slip."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SigmoidNet:
    def __init__(self, X, y, n_hidden=9, lr=0.5):
        rng = np.random.default_rng(13)
        self.W1 = rng.uniform(-1, 1, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.uniform(-1, 1, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(h @ self.W2 + self.b2)
        loss = float(np.sum((out - y) ** 2))
        d2 = 2.0 * (out - y) * out * (1 - out)
        dW2 = h.T @ d2
        db2 = d2.sum(axis=0)
        d1 = (d2 @ dW2.T) * h * (1 - h)   # BUG: back-propagate through the weight: (d2 @ self.W2.T) * h * (1 - h)
        dW1 = X.T @ d1
        db1 = d1.sum(axis=0)
        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * db2
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        return loss
