"""Mini-batch softmax classifier; the softmax does not subtract the row maximum (fine at these
scales), cross-entropy averaged over the batch's rows."""

import numpy as np


class SoftmaxMLP:
    def __init__(self, X, y, hidden=8, lr=0.3):
        rng = np.random.default_rng(5)
        self.W1 = 0.3 * rng.standard_normal((X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = 0.3 * rng.standard_normal((hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def sgd_step(self, X, y):
        h = 1 / (1 + np.exp(-(X @ self.W1 + self.b1)))
        e = np.exp(h @ self.W2 + self.b2)
        self.probs = e / e.sum(axis=1, keepdims=True)
        d_z = (self.probs - y) / X.shape[0]
        d_h = d_z @ self.W2.T * h * (1 - h)
        self.W2 -= self.lr * h.T @ d_z
        self.b2 -= self.lr * d_z.sum(axis=0)
        self.W1 -= self.lr * X.T @ d_h
        self.b1 -= self.lr * d_h.sum(axis=0)
