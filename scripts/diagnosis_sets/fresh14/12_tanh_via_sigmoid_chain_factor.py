"""NumPy tanh / softmax classifier (4 -> 8 -> 3, mean cross-entropy, mini-batches of 15). The
hidden tanh is computed through the logistic function, tanh(z) = 2 sigmoid(2 z) - 1, and its
derivative written from s = sigmoid(2 z): d/dz [2 s - 1] = 2 * s (1 - s) * 2 = 4 s (1 - s).
The inner derivative of 2 z was left out: 2 s (1 - s), half the tanh's derivative, so the
hidden delta (and W1's and b1's gradients) are half what they should be."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SigmoidTanhNet:
    def __init__(self, X, y, n_hidden=8, lr=0.5):
        rng = np.random.default_rng(1412)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], n_hidden))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.5, (n_hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def train_step(self, X, y):
        s = sigmoid(2.0 * (X @ self.W1 + self.b1))
        h = 2.0 * s - 1.0
        z = h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        dz = (p - y) / len(X)
        dh = dz @ self.W2.T
        dpre = dh * 2.0 * s * (1.0 - s)   # BUG: the chain rule through 2 z doubles it: dh * 4.0 * s * (1.0 - s)
        self.W2 -= self.lr * h.T @ dz
        self.b2 -= self.lr * dz.sum(axis=0)
        self.W1 -= self.lr * X.T @ dpre
        self.b1 -= self.lr * dpre.sum(axis=0)
        return float(-np.mean(np.sum(y * np.log(p), axis=1)))
