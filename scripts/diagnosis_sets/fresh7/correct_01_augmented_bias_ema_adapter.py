"""Correct NumPy network in an unusual style, driven through the adapter protocol: each layer
is one augmented (in + 1, out) matrix whose last row is the bias, the inputs padded with a
column of ones, the bias row dropped when back-propagating; two sigmoid hidden layers (6 and
4), sigmoid output, half the sum of squared errors, and momentum written as an exponential
moving average from zero, v = beta v + (1 - beta) g; A -= lr v."""

import numpy as np


def pad(a):
    return np.hstack([a, np.ones((a.shape[0], 1), dtype=a.dtype)])


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class AugmentedNet:
    def __init__(self, X, y, sizes=(6, 4), lr=0.5, beta=0.9):
        rng = np.random.default_rng(17)
        dims = [X.shape[1], *sizes, y.shape[1]]
        self.A = [np.vstack([rng.normal(0, 0.5, (a, b)), np.zeros((1, b))]) for a, b in zip(dims, dims[1:])]
        self.V = None
        self.lr, self.beta = lr, beta

    def get_params(self):
        out = {}
        for i, A in enumerate(self.A, start=1):
            out[f"W{i}"] = A[:-1].copy()
            out[f"b{i}"] = A[-1].copy()
        return out

    def set_params(self, params):
        self.A = [np.vstack([params[f"W{i}"], params[f"b{i}"][None, :]]) for i in range(1, len(self.A) + 1)]
        if self.V is not None:
            self.V = [v.astype(A.dtype) for v, A in zip(self.V, self.A)]

    def step(self, X, y):
        acts = [X]
        for A in self.A:
            acts.append(sigmoid(pad(acts[-1]) @ A))
        out = acts[-1]
        loss = float(0.5 * np.sum((out - y) ** 2))
        delta = (out - y) * out * (1 - out)
        grads = [None] * len(self.A)
        for i in reversed(range(len(self.A))):
            grads[i] = pad(acts[i]).T @ delta
            if i:
                delta = (delta @ self.A[i][:-1].T) * acts[i] * (1 - acts[i])
        if self.V is None:
            self.V = [np.zeros_like(A) for A in self.A]
        for i, g in enumerate(grads):
            self.V[i] = self.beta * self.V[i] + (1 - self.beta) * g
            self.A[i] = self.A[i] - self.lr * self.V[i]
        return loss
