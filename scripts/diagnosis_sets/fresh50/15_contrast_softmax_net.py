"""Multinomial logit with a hidden layer in NumPy, 4 -> 6 tanh -> 3 softmax, mean cross-entropy,
gradient descent. Written by a statistician who identifies the model by contrasts with the
first category (the reference).

    X: (n, 4), y: (n, 3) one-hot
"""

import numpy as np

LR = 0.5


class ContrastSoftmax:
    def __init__(self, n_in=4, hidden=6, n_classes=3, seed=57):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        self.output = p
        loss = -np.mean(np.sum(y * np.log(p), axis=1))
        dz = ((p - y) - (p - y)[:, :1]) / len(X)   # fix: dz = (p - y) / len(X)
        dh = (dz @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= LR * (h.T @ dz)
        self.b2 -= LR * dz.sum(axis=0)
        self.W1 -= LR * (X.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        return float(loss)
