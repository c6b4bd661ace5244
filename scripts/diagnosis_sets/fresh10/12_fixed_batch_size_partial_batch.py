"""NumPy ReLU regressor with two hidden layers (5 -> 8 -> 6 -> 1, linear output, half the mean
squared error, plain gradient descent, mini-batches of 12). The output delta is divided by
self.batch_size, fixed at 12 when the network was built, instead of len(X): right for full
batches, but 44 rows make a last mini-batch of 8 rows each epoch, whose gradient comes out
8/12 of what it should be."""

import numpy as np


class ReluRegressor:
    def __init__(self, X, y, widths=(8, 6), lr=0.1, batch_size=12):
        rng = np.random.default_rng(12)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], widths[0]))
        self.b1 = np.zeros(widths[0])
        self.W2 = rng.normal(0, 0.5, (widths[0], widths[1]))
        self.b2 = np.zeros(widths[1])
        self.W3 = rng.normal(0, 0.5, (widths[1], 1))
        self.b3 = np.zeros(1)
        self.lr = lr
        self.batch_size = batch_size

    def train_step(self, X, y):
        a1 = np.maximum(X @ self.W1 + self.b1, 0)
        a2 = np.maximum(a1 @ self.W2 + self.b2, 0)
        out = a2 @ self.W3 + self.b3
        loss = float(0.5 * np.mean((out - y) ** 2))
        d3 = (out - y) / self.batch_size   # BUG: this batch's rows: (out - y) / len(X)
        d2 = (d3 @ self.W3.T) * (a2 > 0)
        d1 = (d2 @ self.W2.T) * (a1 > 0)
        self.W3 -= self.lr * a2.T @ d3
        self.b3 -= self.lr * d3.sum(axis=0)
        self.W2 -= self.lr * a1.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)
        return loss
