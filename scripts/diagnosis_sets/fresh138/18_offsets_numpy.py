"""Another NumPy version of rec_numpy.py: the padded histories are flattened to
one array of real item ids with bag offsets (the layout nn.EmbeddingBag takes),
pooled with np.add.reduceat, and the per-slot gradients scattered back with
np.add.at on the flat ids. Adagrad written with an in-place accumulator and
np.divide.

    X: int64 (N, 1 + L): X[:, 0] user, X[:, 1:] history padded with 0;  y: (N,).
Parameters (self.params): U, I, c (n_users, 1), mu (1,). Optimizer state: self.G.
"""

import numpy as np


class HistoryRecommender:
    def __init__(self, n_users=16, n_items=40, dim=6, lr=0.05, eps=1e-10, seed=0,
                 dtype=np.float32):
        rng = np.random.default_rng(seed)
        self.lr = lr
        self.eps = eps
        I = rng.normal(0.0, 0.5, size=(n_items, dim))
        I[0] = 0.0
        self.params = {
            "U": rng.normal(0.0, 0.5, size=(n_users, dim)).astype(dtype),
            "I": I.astype(dtype),
            "c": np.zeros((n_users, 1), dtype=dtype),
            "mu": np.zeros(1, dtype=dtype),
        }
        self.G = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.grads = {}

    @staticmethod
    def flatten_bags(hist):
        """Padded (N, L) -> flat ids of real items, bag offsets, bag lengths, bag of each id."""
        real = hist != 0
        lengths = real.sum(axis=1)
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        flat = hist[real]                                    # row-major: bag by bag
        bag_of = np.repeat(np.arange(hist.shape[0]), lengths)
        return flat, offsets, lengths, bag_of

    def _forward(self, X):
        p = self.params
        user = X[:, 0]
        flat, offsets, lengths, bag_of = self.flatten_bags(X[:, 1:])
        sums = np.add.reduceat(p["I"][flat], offsets, axis=0)       # (N, dim)
        hbar = sums / lengths[:, None].astype(sums.dtype)
        u = p["U"][user]
        pred = np.einsum("nd,nd->n", u, hbar) + p["c"][user, 0] + p["mu"][0]
        return pred, (user, flat, lengths, bag_of, hbar, u)

    def loss(self, X, y):
        pred, _ = self._forward(X)
        return np.mean((pred - y.astype(pred.dtype)) ** 2)

    def train_step(self, X, y):
        p = self.params
        N = X.shape[0]
        pred, (user, flat, lengths, bag_of, hbar, u) = self._forward(X)
        r = pred - y.astype(pred.dtype)
        loss = np.mean(r * r)
        dpred = (2.0 / N) * r

        g = {k: np.zeros_like(v) for k, v in p.items()}
        np.add.at(g["U"], user, dpred[:, None] * hbar)
        np.add.at(g["c"][:, 0], user, dpred)
        per_bag = dpred[:, None] * u / lengths[:, None].astype(u.dtype)   # (N, dim)
        np.add.at(g["I"], flat, per_bag[bag_of])
        g["mu"][0] = dpred.sum()
        self.grads = g

        for k in p:
            np.add(self.G[k], np.square(g[k]), out=self.G[k])
            step = np.divide(g[k], np.sqrt(self.G[k]) + self.eps)
            p[k] -= self.lr * step
        return float(loss)
