"""NumPy binary classifier, 4 -> 6 -> 1: sigmoid hidden layer and sigmoid output, mean binary
cross-entropy, SGD with heavy-ball momentum (v = mu v + g; w -= lr v). Each step also records
the batch accuracy of the thresholded predictions."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class MomentumLogisticNet:
    def __init__(self, X, y, hidden=6, lr=0.3, mu=0.9, seed=12):
        rng = np.random.default_rng(seed)
        self.w1 = rng.uniform(-0.5, 0.5, (X.shape[1], hidden))
        self.c1 = np.zeros(hidden)
        self.w2 = rng.uniform(-0.5, 0.5, (hidden, 1))
        self.c2 = np.zeros(1)
        self.lr, self.mu = lr, mu
        self.vel = [np.zeros_like(a) for a in (self.w1, self.c1, self.w2, self.c2)]
        self.accuracy = []

    def train_step(self, X, y):
        h = sigmoid(X @ self.w1 + self.c1)
        out = sigmoid(h @ self.w2 + self.c2)
        loss = -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))
        pred = (out > 0.5).astype(out.dtype)
        self.accuracy.append(float(np.mean(pred == y)))

        d_out = (pred - y) / len(X)   # BUG: d_out = (out - y) / len(X)
        d_h = (d_out @ self.w2.T) * h * (1 - h)
        grads = (X.T @ d_h, d_h.sum(axis=0), h.T @ d_out, d_out.sum(axis=0))
        for param, v, g in zip((self.w1, self.c1, self.w2, self.c2), self.vel, grads):
            v *= self.mu
            v += g
            param -= self.lr * v
        return float(loss)
