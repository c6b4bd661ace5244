"""An L2 penalty lam * (|W1|^2 + |W2|^2) is added to the loss but left out of the gradients.

Checked against reference_port.py:L2Net, whose loss has the same penalty (autograd includes it).
"""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class RegularisedNet:
    def __init__(self, X, y, hidden=6, lr=0.5, lam=0.01):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 0.5, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.lam = lr, lam

    def loss(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(h @ self.W2 + self.b2)
        penalty = self.lam * (np.sum(self.W1 ** 2) + np.sum(self.W2 ** 2))
        return float(np.sum((out - y) ** 2) + penalty)

    def train_step(self, X, y):
        loss = self.loss(X, y)
        h = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(h @ self.W2 + self.b2)
        d_out = 2 * (out - y) * out * (1 - out)
        d_h = (d_out @ self.W2.T) * h * (1 - h)
        dW2 = h.T @ d_out                     # BUG: + 2 * self.lam * self.W2 missing
        dW1 = X.T @ d_h                       # BUG: + 2 * self.lam * self.W1 missing
        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * d_out.sum(axis=0)
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * d_h.sum(axis=0)
        return loss
