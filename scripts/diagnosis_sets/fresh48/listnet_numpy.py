"""ListNet (top-one probability, Cao et al. 2007) by hand: each query's 5 candidates are scored by
4 -> 6 tanh -> 1; the target distribution is the softmax of the graded relevance over the query's
candidates, the loss the cross-entropy between it and the softmax of the scores, averaged over
the queries. Plain SGD.

    X: float (q, 5, 4) candidates' features, y: float (q, 5) graded relevance
"""

import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class ListNet:
    def __init__(self, lr=0.5, seed=7):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (4, 6))
        self.b1 = np.zeros(6)
        self.w2 = rng.normal(0.0, 0.5, (6, 1))
        self.lr = lr

    def train_step(self, X, y):
        q = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        s = (h @ self.w2)[..., 0]
        target = softmax(y)
        p = softmax(s)
        loss = -np.mean(np.sum(target * np.log(p), axis=1))

        ds = (p - target) / q
        dw2 = np.einsum('qlh,ql->h', h, ds)[:, None]
        dz = ds[..., None] * self.w2[:, 0] * (1.0 - h ** 2)
        dW1 = np.einsum('qld,qlh->dh', X, dz)
        db1 = dz.sum(axis=(0, 1))

        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.w2 -= self.lr * dw2
        return float(loss)
