"""NumPy sigmoid binary classifier (5 -> 6 -> 1, sigmoid output, summed binary cross-entropy,
plain gradient descent). The loss lives in its own helpers, written in the stable log-domain:
the probability is sigmoid(z) = exp(-logaddexp(0, -z)). The gradient helper retyped it as
exp(-logaddexp(0, z)), the sign of z lost, which is sigmoid(-z) = 1 - p: the output delta is
(1 - p) - y instead of p - y (the forward pass, through the other helper, is right)."""

import numpy as np


def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


def bce_sum(z, y):
    return float(np.sum(np.logaddexp(0.0, z) - y * z))


def bce_sum_grad(z, y):
    return np.exp(-np.logaddexp(0.0, z)) - y   # BUG: sigmoid(z) = exp(-logaddexp(0, -z)): np.exp(-np.logaddexp(0.0, -z)) - y


class LogDomainNet:
    def __init__(self, X, y, n_hidden=6, lr=0.05):
        rng = np.random.default_rng(1414)
        self.W1 = rng.normal(0, 0.6, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.6, (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        self.out = sigmoid(z)
        loss = bce_sum(z, y)
        dz = bce_sum_grad(z, y)
        dh = (dz @ self.W2.T) * h * (1.0 - h)
        self.W2 -= self.lr * h.T @ dz
        self.b2 -= self.lr * dz.sum(axis=0)
        self.W1 -= self.lr * X.T @ dh
        self.b1 -= self.lr * dh.sum(axis=0)
        return loss
