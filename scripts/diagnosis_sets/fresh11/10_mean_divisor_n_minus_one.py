"""NumPy ReLU regressor with two hidden layers (5 -> 8 -> 6 -> 1, linear output, mean squared
error, heavy-ball momentum). The output delta divides by len(X) - 1, the unbiased (ddof=1)
divisor carried over from statistics code, instead of len(X): every gradient is n / (n - 1)
= 36/35 of the mean squared error's."""

import numpy as np


class ReluMSE:
    def __init__(self, X, y, widths=(8, 6), lr=0.05, mu=0.9):
        rng = np.random.default_rng(10)
        dims = [X.shape[1], *widths, y.shape[1]]
        self.W = [rng.normal(0, np.sqrt(2.0 / a), (a, b)) for a, b in zip(dims, dims[1:])]
        self.b = [np.zeros(b) for b in dims[1:]]
        self.vW = [np.zeros_like(w) for w in self.W]
        self.vb = [np.zeros_like(b) for b in self.b]
        self.lr, self.mu = lr, mu

    def train_step(self, X, y):
        acts = [X]
        for W, b in zip(self.W[:-1], self.b[:-1]):
            acts.append(np.maximum(acts[-1] @ W + b, 0.0))
        out = acts[-1] @ self.W[-1] + self.b[-1]
        loss = float(np.mean((out - y) ** 2))
        delta = 2.0 * (out - y) / (len(X) - 1) / y.shape[1]   # BUG: the mean's divisor: / len(X)
        for i in reversed(range(len(self.W))):
            gW, gb = acts[i].T @ delta, delta.sum(axis=0)
            if i:
                delta = (delta @ self.W[i].T) * (acts[i] > 0)
            self.vW[i] = self.mu * self.vW[i] + gW
            self.vb[i] = self.mu * self.vb[i] + gb
            self.W[i] = self.W[i] - self.lr * self.vW[i]
            self.b[i] = self.b[i] - self.lr * self.vb[i]
        return loss
