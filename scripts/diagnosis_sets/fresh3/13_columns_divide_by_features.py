"""NumPy network in the samples-as-columns layout ((out, in) weights, (h, 1) biases),
sigmoid hidden and output, mean squared error. The batch size is read as A0.shape[0],
which for A0 = X.T (features x samples) is the number of features: every gradient is
scaled by n_samples / n_features."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class ColNet:
    def __init__(self, X, y, hidden=5, lr=0.5):
        rng = np.random.default_rng(13)
        self.W1 = rng.normal(0, 0.5, (hidden, X.shape[1]))
        self.b1 = np.zeros((hidden, 1))
        self.W2 = rng.normal(0, 0.5, (y.shape[1], hidden))
        self.b2 = np.zeros((y.shape[1], 1))
        self.lr = lr

    def train(self, X, y):
        A0, Y = X.T, y.T
        m = A0.shape[0]   # BUG: A0.shape[1], the number of samples
        A1 = sigmoid(self.W1 @ A0 + self.b1)
        A2 = sigmoid(self.W2 @ A1 + self.b2)
        dZ2 = 2 * (A2 - Y) * A2 * (1 - A2) / m
        dW2 = dZ2 @ A1.T
        db2 = dZ2.sum(axis=1, keepdims=True)
        dZ1 = (self.W2.T @ dZ2) * A1 * (1 - A1)
        dW1 = dZ1 @ A0.T
        db1 = dZ1.sum(axis=1, keepdims=True)
        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * db2
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        return A2.T
