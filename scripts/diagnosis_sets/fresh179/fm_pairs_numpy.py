"""Factorization machine, pairwise form: the same model as fm_numpy.py written differently.

The interactions are summed over the field pairs explicitly, sum_{f<g} <V[i_f], V[i_g]>, and
their gradient for field f is sum_{g != f} V[i_g].  Parameters in a dict, Adagrad in place
(accumulator, step), the per-row scatter by a loop over the fields.
"""

import numpy as np


class PairwiseFM:
    def __init__(self, cards=(6, 10, 8, 4), k=6, lr=0.05, weight_decay=1e-3, eps=1e-10, seed=0):
        rng = np.random.default_rng(seed)
        self.offsets = np.cumsum((0,) + tuple(cards[:-1])).astype(np.int64)
        n = int(sum(cards))
        self.params = {
            "bias": np.zeros(1),
            "lin": rng.normal(0.0, 0.05, size=n),
            "emb": rng.normal(0.0, 0.1, size=(n, k)),
        }
        self.hp = dict(lr=lr, wd=weight_decay, eps=eps)
        self.sum_sq = {name: np.zeros_like(a) for name, a in self.params.items()}

    def logits(self, X):
        P = self.params
        ids = X + self.offsets
        nf = ids.shape[1]
        z = P["bias"][0] + P["lin"][ids].sum(axis=1)
        for f in range(nf):
            for g in range(f + 1, nf):
                z = z + np.einsum("nk,nk->n", P["emb"][ids[:, f]], P["emb"][ids[:, g]])
        return z

    def loss(self, X, y):
        z = self.logits(X)
        return np.mean(np.logaddexp(0, z) - y * z)

    def train_step(self, X, y):
        P = self.params
        z = self.logits(X)
        loss = np.mean(np.logaddexp(0, z) - y * z)
        err = (0.5 * (1.0 + np.tanh(0.5 * z)) - y) / len(y)     # sigmoid(z) - y, mean
        ids = X + self.offsets
        nf = ids.shape[1]
        rows = P["emb"][ids]                                     # (N, F, k)
        total = rows.sum(axis=1)
        grads = {"bias": np.sum(err, keepdims=True), "lin": np.zeros_like(P["lin"]),
                 "emb": np.zeros_like(P["emb"])}
        for f in range(nf):
            np.add.at(grads["lin"], ids[:, f], err)
            others = total - rows[:, f, :]                       # sum over g != f
            np.add.at(grads["emb"], ids[:, f], err[:, None] * others)
        for name, a in P.items():
            g = grads[name] + self.hp["wd"] * a
            self.sum_sq[name] += g ** 2
            a -= self.hp["lr"] * g / (np.sqrt(self.sum_sq[name]) + self.hp["eps"])
        self.grads = grads
        return float(loss)
