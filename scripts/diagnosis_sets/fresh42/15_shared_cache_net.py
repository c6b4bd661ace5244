"""NumPy tanh/softmax classifier (5 -> 8 -> 3), mean cross-entropy, SGD, with gradient
accumulation: the forward passes of the ACCUM micro-batches are run first (their caches kept in a
list), then the backward passes, each micro-batch's mean gradient divided by ACCUM."""

import numpy as np

LR, ACCUM = 0.5, 3


class SharedCacheNet:
    def __init__(self, seed=15):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0.0, 0.5, (5, 8)), np.zeros(8)
        self.W2, self.b2 = rng.normal(0.0, 0.5, (8, 3)), np.zeros(3)
        self.cache = {}

    def forward(self, X):
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        self.cache["h"], self.cache["prob"] = h, np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        return self.cache  # fix: return dict(self.cache)

    def backward(self, X, y, cache):
        h, prob = cache["h"], cache["prob"]
        d = (prob - y) / len(X) / ACCUM
        dh = (d @ self.W2.T) * (1.0 - h ** 2)
        return [X.T @ dh, dh.sum(axis=0), h.T @ d, d.sum(axis=0)]

    def train_step(self, X, y):
        xs, ys = np.array_split(X, ACCUM), np.array_split(y, ACCUM)
        caches = [self.forward(xb) for xb in xs]
        total = [np.zeros_like(w) for w in (self.W1, self.b1, self.W2, self.b2)]
        for xb, yb, cache in zip(xs, ys, caches):
            for t, g in zip(total, self.backward(xb, yb, cache)):
                t += g
        for w, g in zip((self.W1, self.b1, self.W2, self.b2), total):
            w -= LR * g
