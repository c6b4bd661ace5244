"""ReLU hidden layer, softmax cross-entropy. The ReLU derivative is taken from the stored
activation with `>= 0`, which holds for every unit of max(0, z): the mask passes every
gradient, as if the hidden layer were linear."""

import numpy as np


class ReluSoftmax:
    def __init__(self, X, y, hidden=8, lr=0.5):
        rng = np.random.default_rng(3)
        self.W1 = rng.standard_normal((X.shape[1], hidden)) * 0.3
        self.b1 = np.zeros(hidden)
        self.W2 = rng.standard_normal((hidden, y.shape[1])) * 0.3
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def forward(self, X):
        self.a1 = np.maximum(0, X @ self.W1 + self.b1)
        z2 = self.a1 @ self.W2 + self.b2
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        self.p = e / e.sum(axis=1, keepdims=True)
        return self.p

    def step(self, X, y):
        p = self.forward(X)
        n = X.shape[0]
        dz2 = (p - y) / n
        da1 = dz2 @ self.W2.T
        dz1 = da1 * (self.a1 >= 0)          # BUG: a1 = max(0, z) is never negative; should be z > 0 (a1 > 0)
        self.W2 -= self.lr * self.a1.T @ dz2
        self.b2 -= self.lr * dz2.sum(axis=0)
        self.W1 -= self.lr * X.T @ dz1
        self.b1 -= self.lr * dz1.sum(axis=0)
        return -np.sum(y * np.log(p)) / n
