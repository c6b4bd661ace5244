"""RankNet by hand (Burges et al. 2005): each query's 5 documents are scored by 4 -> 5 tanh -> 1;
every ordered pair (i, j) of one query with rel_i > rel_j costs log(1 + exp(-(s_i - s_j))), the
loss the mean over all such pairs of the batch. Plain SGD.

    X: float (q, 5, 4) documents' features, y: float (q, 5) graded relevance
"""

import numpy as np


class RankNet:
    def __init__(self, lr=0.5, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (4, 5))
        self.b1 = np.zeros(5)
        self.w2 = rng.normal(0.0, 0.5, (5, 1))
        self.lr = lr

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        s = (h @ self.w2)[..., 0]
        S = s[:, :, None] - s[:, None, :]
        M = (y[:, :, None] > y[:, None, :]).astype(s.dtype)
        npairs = M.sum()
        loss = np.sum(M * np.logaddexp(0.0, -S)) / npairs

        dS = -M / (1.0 + np.exp(S)) / npairs
        ds = dS.sum(axis=2) - dS.sum(axis=1)
        dw2 = np.einsum('qlh,ql->h', h, ds)[:, None]
        dz = ds[..., None] * self.w2[:, 0] * (1.0 - h ** 2)
        dW1 = np.einsum('qld,qlh->dh', X, dz)
        db1 = dz.sum(axis=(0, 1))

        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.w2 -= self.lr * dw2
        return float(loss)
