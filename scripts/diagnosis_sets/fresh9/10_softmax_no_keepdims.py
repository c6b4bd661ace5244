"""NumPy ReLU / softmax classifier (5 -> 8 -> 4, mean cross-entropy, heavy-ball momentum,
mini-batches of 4). The softmax divides the exponentials by e.sum(axis=1) without
keepdims=True: the (4, 4) array is divided by a (4,) vector, which broadcasts along the last
axis, so column j is divided by row j's sum. Nothing complains because the mini-batch has as
many rows as there are classes."""

import numpy as np


class Classifier:
    def __init__(self, X, y, n_hidden=8, lr=0.1, momentum=0.9):
        rng = np.random.default_rng(100)
        self.W1 = rng.normal(0, np.sqrt(2 / X.shape[1]), (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, np.sqrt(1 / n_hidden), (n_hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.momentum = lr, momentum
        self.velocity = {k: 0.0 for k in ("W1", "b1", "W2", "b2")}

    @staticmethod
    def softmax(z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1)   # BUG: one sum per row, as a column: e.sum(axis=1, keepdims=True)

    def step(self, X, y):
        z1 = X @ self.W1 + self.b1
        a1 = np.maximum(z1, 0)
        probs = self.softmax(a1 @ self.W2 + self.b2)
        n = X.shape[0]
        loss = float(-np.sum(y * np.log(probs)) / n)
        dz2 = (probs - y) / n
        dz1 = (dz2 @ self.W2.T) * (z1 > 0)
        grads = {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": a1.T @ dz2, "b2": dz2.sum(axis=0)}
        for k, g in grads.items():
            self.velocity[k] = self.momentum * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - self.lr * self.velocity[k])
        return loss
