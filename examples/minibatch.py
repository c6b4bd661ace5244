"""Mini-batch SGD: each call trains on the batch it is given, the loss averaged over that batch.

The kit cuts the data into batches and hands the same batch to both sides:

    parity check examples/minibatch.py:MiniBatchNet --data random:200,5 --batch-size 32 --shuffle \\
        --loss mse --lr 0.5 --step "net.sgd_step(X, y)" --steps 100
"""

import numpy as np


class MiniBatchNet:
    def __init__(self, X, y, hidden=10, lr=0.5):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0, 1 / np.sqrt(X.shape[1]), (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 1 / np.sqrt(hidden), (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def sgd_step(self, X_batch, y_batch):
        a1 = 1 / (1 + np.exp(-(X_batch @ self.W1 + self.b1)))
        a2 = 1 / (1 + np.exp(-(a1 @ self.W2 + self.b2)))
        d2 = 2 * (a2 - y_batch) / y_batch.size * a2 * (1 - a2)
        d1 = d2 @ self.W2.T * a1 * (1 - a1)
        self.W2 -= self.lr * a1.T @ d2
        self.b2 -= self.lr * d2.sum(axis=0)
        self.W1 -= self.lr * X_batch.T @ d1
        self.b1 -= self.lr * d1.sum(axis=0)
