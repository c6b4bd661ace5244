"""Tanh / softmax classifier in NumPy: 6 -> 10 tanh -> 3 softmax, mean cross-entropy, plain SGD."""

import numpy as np

MARGIN = 0.35


class SoftmaxNet:
    def __init__(self, n_in=6, hidden=10, n_classes=3, lr=0.5, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes))
        self.b2 = np.zeros(n_classes)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(probs), axis=1))

        d_z = (probs - y) / n
        d_h = (d_z @ self.W2.T) * (1.0 - h * h)
        grads = {"W1": X.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_z, "b2": d_z.sum(axis=0)}
        for k, g in grads.items():
            setattr(self, k, getattr(self, k) - self.lr * g)
        return float(loss)
