"""Pruned classifier in NumPy: 4 -> 8 tanh -> 8 tanh -> 3 logits, the hidden 8 x 8 weight multiplied
by a fixed 0/1 mask (mask.npz, the (in, out) layout) at every forward; the weight is stored raw and
its gradient masked, so the pruned entries never move; softmax cross-entropy averaged over the
rows, plain SGD.

    X: (n, 4), y: one-hot (n, 3)
"""

from pathlib import Path

import numpy as np

LR = 0.5
MASK = np.load(Path(__file__).with_name("mask.npz"))["mask"]


class PrunedNet:
    def __init__(self, seed=9):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (4, 8))
        self.b1 = np.zeros(8)
        self.W2 = rng.normal(0.0, 0.5, (8, 8))
        self.b2 = np.zeros(8)
        self.W3 = rng.normal(0.0, 0.5, (8, 3))
        self.b3 = np.zeros(3)
        self.M = MASK.copy()

    def train_step(self, X, y):
        n = X.shape[0]
        h1 = np.tanh(X @ self.W1 + self.b1)
        z2 = h1 @ (self.W2 * self.M) + self.b2
        h2 = np.tanh(z2)
        logits = h2 @ self.W3 + self.b3
        self.output = logits
        s = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(p)) / n

        d_logits = (p - y) / n
        dW3 = h2.T @ d_logits
        db3 = d_logits.sum(axis=0)
        dz2 = (d_logits @ self.W3.T) * (1.0 - h2 ** 2)
        dW2 = (h1.T @ dz2) * self.M
        db2 = dz2.sum(axis=0)
        dz1 = (dz2 @ (self.W2 * self.M).T) * (1.0 - h1 ** 2)
        dW1 = X.T @ dz1
        db1 = dz1.sum(axis=0)

        self.grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2, "W3": dW3, "b3": db3}
        for k, g in self.grads.items():
            setattr(self, k, getattr(self, k) - LR * g)
        return float(loss)
