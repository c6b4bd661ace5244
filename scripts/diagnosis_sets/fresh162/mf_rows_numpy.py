"""Biased matrix factorisation with a sparse-aware SGD step (correct variant).

Parameters in one dict; the gradient is formed only for the distinct rows the batch
touches (np.unique with return_inverse, then np.add.at on the compact block), and only
those rows are updated. The loss is written through the residual vector r.
"""

import numpy as np


class RowSparseMF:
    def __init__(self, n_users=12, n_items=15, k=6, lr=0.3, lam=0.05, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "P": rng.normal(0.0, 0.3, (n_users, k)),
            "Q": rng.normal(0.0, 0.3, (n_items, k)),
            "bu": np.zeros(n_users),
            "bi": np.zeros(n_items),
            "mu": np.array(3.5),
        }
        self.lr, self.lam = lr, lam

    def train_step(self, X, y):
        p = self.params
        users, uinv = np.unique(X[:, 0], return_inverse=True)
        items, iinv = np.unique(X[:, 1], return_inverse=True)
        P, Q, bu, bi = p["P"][users], p["Q"][items], p["bu"][users], p["bi"][items]
        Pn, Qn, bun, bin_ = P[uinv], Q[iinv], bu[uinv], bi[iinv]
        N = X.shape[0]

        r = p["mu"] + bun + bin_ + np.einsum("nk,nk->n", Pn, Qn) - y.astype(P.dtype)
        penalty = (Pn * Pn).sum() + (Qn * Qn).sum() + bun @ bun + bin_ @ bin_
        loss = (r @ r + self.lam * penalty) / N

        w = 2.0 / N
        gP = np.zeros_like(P)
        gQ = np.zeros_like(Q)
        gbu = np.zeros_like(bu)
        gbi = np.zeros_like(bi)
        np.add.at(gP, uinv, w * (r[:, None] * Qn + self.lam * Pn))
        np.add.at(gQ, iinv, w * (r[:, None] * Pn + self.lam * Qn))
        np.add.at(gbu, uinv, w * (r + self.lam * bun))
        np.add.at(gbi, iinv, w * (r + self.lam * bin_))

        p["P"][users] -= self.lr * gP
        p["Q"][items] -= self.lr * gQ
        p["bu"][users] -= self.lr * gbu
        p["bi"][items] -= self.lr * gbi
        p["mu"] -= self.lr * w * r.sum()
        return float(loss)
