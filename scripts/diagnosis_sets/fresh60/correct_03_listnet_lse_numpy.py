"""ListNet by hand with every log-sum-exp as np.logaddexp.reduce and the per-document layer as one
matrix product on the flattened (q * 5, 4) batch; the target softmax(relevance) from its log,
the loss the mean over the queries of the cross-entropy. Plain SGD.

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
        q, L, d = X.shape
        x = X.reshape(-1, d)
        h = np.tanh(x @ self.W1 + self.b1)
        s = (h @ self.w2).reshape(q, L)
        log_target = y - np.logaddexp.reduce(y, axis=1)[:, None]
        logp = s - np.logaddexp.reduce(s, axis=1)[:, None]
        target = np.exp(log_target)
        loss = -(target * logp).sum() / q

        ds = ((np.exp(logp) - target) / q).reshape(-1, 1)
        dz = (ds @ self.w2.T) * (1.0 - h ** 2)
        self.w2 -= self.lr * (h.T @ ds)
        self.W1 -= self.lr * (x.T @ dz)
        self.b1 -= self.lr * dz.sum(axis=0)
        return float(loss)
