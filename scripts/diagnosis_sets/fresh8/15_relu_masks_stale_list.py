"""NumPy ReLU / softmax classifier (6 -> 10 -> 10 -> 3, mean cross-entropy, momentum as an
exponential moving average, mini-batches of 12) with parallel lists W and b. forward resets
its list of activations but appends each hidden layer's ReLU mask to self.masks, a list made
in __init__ and never cleared; backward reads self.masks[i], so every step back-propagates
through the masks of the first step (right on step 1, stale after)."""

import numpy as np


class MaskNet:
    def __init__(self, X, y, widths=(10, 10), lr=0.2, beta=0.9):
        rng = np.random.default_rng(15)
        dims = [X.shape[1], *widths, y.shape[1]]
        self.W = [rng.normal(0, np.sqrt(2 / a), (a, b)) for a, b in zip(dims, dims[1:])]
        self.b = [np.zeros(b) for b in dims[1:]]
        self.lr, self.beta = lr, beta
        self.masks = []
        self.vel = None

    def forward(self, X):
        self.acts = [X]   # BUG: the masks must start afresh too: self.acts, self.masks = [X], []
        a = X
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            z = a @ W + b
            if i < len(self.W) - 1:
                self.masks.append(z > 0)
                a = z * self.masks[-1]
                self.acts.append(a)
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def train_batch(self, X, y):
        p = self.forward(X)
        loss = float(-np.sum(y * np.log(p)) / len(X))
        L = len(self.W)
        gW, gb = [None] * L, [None] * L
        delta = (p - y) / len(X)
        for i in reversed(range(L)):
            gW[i] = self.acts[i].T @ delta
            gb[i] = delta.sum(axis=0)
            if i:
                delta = (delta @ self.W[i].T) * self.masks[i - 1]
        if self.vel is None:
            self.vel = [(np.zeros_like(w), np.zeros_like(c)) for w, c in zip(self.W, self.b)]
        for i in range(L):
            vW, vb = self.vel[i]
            vW[...] = self.beta * vW + (1 - self.beta) * gW[i]
            vb[...] = self.beta * vb + (1 - self.beta) * gb[i]
            self.W[i] = self.W[i] - self.lr * vW
            self.b[i] = self.b[i] - self.lr * vb
        return loss
