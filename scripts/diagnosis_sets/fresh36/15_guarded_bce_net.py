"""Binary classifier in the deep-learning-course style: 5 -> 6 sigmoid -> 1 sigmoid, mean
binary cross-entropy, plain gradient descent. The backward pass starts from dL/dA of the
cross-entropy, guarded against division by zero with EPS, and goes through sigmoid's
derivative A (1 - A) layer by layer.
"""

import numpy as np

EPS = 1e-5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class GuardedBceNet:
    def __init__(self, n_in=5, hidden=6, lr=0.5, seed=15):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        A1 = sigmoid(X @ self.W1 + self.b1)
        A2 = sigmoid(A1 @ self.W2 + self.b2)
        dA2 = -(y / (A2 + EPS)) + (1 - y) / (1 - A2 + EPS)  # fix: dA2 = -(y / A2) + (1 - y) / (1 - A2)
        dZ2 = dA2 * A2 * (1.0 - A2) / len(X)
        dZ1 = (dZ2 @ self.W2.T) * A1 * (1.0 - A1)
        self.W2 -= self.lr * (A1.T @ dZ2)
        self.b2 -= self.lr * dZ2.sum(axis=0)
        self.W1 -= self.lr * (X.T @ dZ1)
        self.b1 -= self.lr * dZ1.sum(axis=0)
        self.output = A2
