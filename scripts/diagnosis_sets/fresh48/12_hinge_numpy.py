"""Pairwise ranking with a margin (RankSVM style, an MLP scorer): each row holds a preferred and
another item's features; both go through the same scorer 5 -> 8 tanh -> 1, and the loss is
mean(max(0, MARGIN - (s_pos - s_neg))). Backprop by hand through both branches, plain SGD.

    X: float (n, 2, 5) (preferred, other), y unused
"""

import numpy as np

MARGIN = 1.0


class PairwiseRanker:
    def __init__(self, lr=0.3, seed=6):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (5, 8))
        self.b1 = np.zeros(8)
        self.w2 = rng.normal(0.0, 0.5, (8, 1))
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        Xp, Xn = X[:, 0], X[:, 1]
        hp = np.tanh(Xp @ self.W1 + self.b1)
        hn = np.tanh(Xn @ self.W1 + self.b1)
        diff = (hp @ self.w2)[:, 0] - (hn @ self.w2)[:, 0]
        loss = np.mean(np.maximum(0.0, MARGIN - diff))

        active = (MARGIN - diff > 0).astype(float)
        g = -active / max(active.sum(), 1.0)   # fix: g = -active / n
        dW1 = np.zeros_like(self.W1)
        db1 = np.zeros_like(self.b1)
        dw2 = np.zeros_like(self.w2)
        for x, h, ds in ((Xp, hp, g), (Xn, hn, -g)):
            dw2 += h.T @ ds[:, None]
            dz = (ds[:, None] @ self.w2.T) * (1.0 - h ** 2)
            dW1 += x.T @ dz
            db1 += dz.sum(axis=0)

        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.w2 -= self.lr * dw2
        return float(loss)
