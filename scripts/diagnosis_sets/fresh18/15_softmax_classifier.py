"""Sigmoid-hidden softmax classifier (4 -> 7 -> 3, mean cross-entropy), mini-batch gradient
descent. The targets arrive one-hot; the class of each row is read back with argmax for the
loss."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SoftmaxClassifier:
    def __init__(self, X, y, hidden=7, lr=0.5, seed=15):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        labels = np.argmax(y, axis=1)
        h = sigmoid(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(p[np.arange(n), labels]))
        dz = (p - labels.reshape(-1, 1)) / n   # BUG: dz = (p - np.eye(p.shape[1])[labels]) / n
        dh = (dz @ self.W2.T) * h * (1.0 - h)
        self.W2 -= self.lr * (h.T @ dz)
        self.b2 -= self.lr * dz.sum(axis=0)
        self.W1 -= self.lr * (X.T @ dh)
        self.b1 -= self.lr * dh.sum(axis=0)
        return float(loss)
