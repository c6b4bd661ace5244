"""NumPy deep tanh binary classifier (3 -> 6 -> 5 -> 4 -> 1, sigmoid output, mean binary
cross-entropy, heavy-ball momentum), weights and biases in parallel lists. The velocity update
was half converted to in-place form: v *= mu, and then the old assignment, with its mu,
written into v: v[...] = mu * v + g. The old velocity is decayed twice, an effective momentum
mu^2 = 0.81; the first step is unaffected."""

import numpy as np


class DeepTanh:
    def __init__(self, X, y, widths=(6, 5, 4), lr=0.1, mu=0.9):
        rng = np.random.default_rng(13)
        dims = [X.shape[1], *widths, y.shape[1]]
        self.weights = [rng.uniform(-1, 1, (a, b)) / np.sqrt(a) for a, b in zip(dims, dims[1:])]
        self.biases = [np.zeros(b) for b in dims[1:]]
        self.lr, self.mu = lr, mu
        self.vW = self.vb = None

    def train(self, X, y):
        L = len(self.weights)
        acts = [X]
        for W, b in zip(self.weights[:-1], self.biases[:-1]):
            acts.append(np.tanh(acts[-1] @ W + b))
        p = 1 / (1 + np.exp(-(acts[-1] @ self.weights[-1] + self.biases[-1])))
        loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

        gW, gb = [None] * L, [None] * L
        delta = (p - y) / len(X)
        for i in reversed(range(L)):
            gW[i] = acts[i].T @ delta
            gb[i] = delta.sum(axis=0)
            if i:
                delta = (delta @ self.weights[i].T) * (1 - acts[i] ** 2)

        if self.vW is None:
            self.vW = [np.zeros_like(g) for g in gW]
            self.vb = [np.zeros_like(g) for g in gb]
        for params, grads, vels in ((self.weights, gW, self.vW), (self.biases, gb, self.vb)):
            for i in range(L):
                v = vels[i]
                v *= self.mu
                v[...] = self.mu * v + grads[i]   # BUG: v was already decayed on the line above: v += grads[i]
                params[i] -= self.lr * v
        return loss
