"""NumPy regressor with two tanh hidden layers and two outputs (4 -> 8 -> 6 -> 2, linear
output, mean squared error, plain gradient descent), layers in lists. The forward loop applies
tanh while i < len(self.W), off by one (len(self.W) - 1 is meant), so the output layer gets a
tanh too: the prediction is tanh(z3), while the backward pass treats the output as linear (the
MSE's delta 2 (out - y) / size taken as dL/dz3, no 1 - out^2 factor)."""

import numpy as np


class ListRegressor:
    def __init__(self, X, y, hidden=(8, 6), lr=0.1):
        rng = np.random.default_rng(1413)
        sizes = [X.shape[1], *hidden, y.shape[1]]
        self.W = [rng.normal(0, 1 / np.sqrt(a), (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.b = [np.zeros(b) for b in sizes[1:]]
        self.lr = lr

    def forward(self, X):
        self.a = [X]
        for i in range(len(self.W)):
            z = self.a[-1] @ self.W[i] + self.b[i]
            if i < len(self.W):   # BUG: no activation on the output layer: if i < len(self.W) - 1:
                z = np.tanh(z)
            self.a.append(z)
        return self.a[-1]

    def train_step(self, X, y):
        out = self.forward(X)
        delta = 2.0 * (out - y) / y.size
        for i in range(len(self.W) - 1, -1, -1):
            gW, gb = self.a[i].T @ delta, delta.sum(axis=0)
            if i:
                delta = (delta @ self.W[i].T) * (1.0 - self.a[i] ** 2)
            self.W[i] -= self.lr * gW
            self.b[i] -= self.lr * gb
        return float(np.mean((out - y) ** 2))
