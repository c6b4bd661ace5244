"""Correct NumPy network in an unusual style: weights and biases in two parallel lists, two
ReLU hidden layers whose derivative is np.heaviside(z, 0), a linear output with 0.5 * mean
squared error, one backward loop over reversed(range(L)), and momentum as an exponential
moving average of the gradients (v = beta v + (1 - beta) g; w -= lr v) with no bias
correction."""

import numpy as np


class EmaReluRegressor:
    def __init__(self, X, y, widths=(8, 8), lr=0.1, beta=0.9):
        rng = np.random.default_rng(2)
        sizes = [X.shape[1], *widths, y.shape[1]]
        self.W = [rng.normal(0, np.sqrt(2 / a), (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.b = [np.zeros(b) for b in sizes[1:]]
        self.lr, self.beta = lr, beta
        self.vW = self.vb = None

    def step(self, X, y):
        L = len(self.W)
        zs, acts = [], [X]
        for i in range(L):
            z = acts[-1] @ self.W[i] + self.b[i]
            zs.append(z)
            acts.append(np.maximum(z, 0) if i < L - 1 else z)
        out = acts[-1]
        delta = (out - y) / out.size
        gW, gb = [None] * L, [None] * L
        for i in reversed(range(L)):
            gW[i] = acts[i].T @ delta
            gb[i] = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.W[i].T) * np.heaviside(zs[i - 1], 0.0)
        if self.vW is None:
            self.vW = [np.zeros_like(w) for w in self.W]
            self.vb = [np.zeros_like(b) for b in self.b]
        for i in range(L):
            self.vW[i] = self.beta * self.vW[i] + (1 - self.beta) * gW[i]
            self.vb[i] = self.beta * self.vb[i] + (1 - self.beta) * gb[i]
            self.W[i] = self.W[i] - self.lr * self.vW[i]
            self.b[i] = self.b[i] - self.lr * self.vb[i]
        return float(0.5 * np.mean((out - y) ** 2))
