"""RatingMF written another way: the tables as attributes, the gradients of the embedding rows
accumulated with one-hot matrix products and np.bincount instead of np.add.at, and a "sparse"
Adagrad that touches only the unique rows a batch looked up (rows outside the batch have a zero
gradient, so the dense update would leave them, and their accumulators, unchanged).

Same model, loss and optimizer as mf_numpy.py:
    r_hat = mu + bu[u] + bi[i] + <P[u], Q[i]>
    0.5 * mean((r_hat - r)^2) + LAM / n * sum_rows(|P[u]|^2 + |Q[i]|^2)
    Adagrad, accumulators starting at ACC0.

    X: int64 (n, 2) user id, item id; y: float (n,) the rating
"""

import numpy as np

N_USERS, N_ITEMS, K = 20, 30, 4
LR, LAM, ACC0, EPS = 0.1, 0.05, 0.1, 1e-10


class RatingMFSparse:
    def __init__(self, seed=119):
        rng = np.random.default_rng(seed)
        self.P = rng.normal(0.0, 0.3, (N_USERS, K))
        self.Q = rng.normal(0.0, 0.3, (N_ITEMS, K))
        self.bu = np.zeros(N_USERS)
        self.bi = np.zeros(N_ITEMS)
        self.mu = np.array(3.0)
        self.G = {name: np.full_like(getattr(self, name), ACC0) for name in ("P", "Q", "bu", "bi", "mu")}

    def predict(self, users, items):
        P_rows, Q_rows = self.P[users], self.Q[items]
        return self.mu + self.bu[users] + self.bi[items] + np.einsum("nk,nk->n", P_rows, Q_rows)

    def loss(self, X, y):
        users, items = X[:, 0], X[:, 1]
        resid = self.predict(users, items) - y
        penalty = np.einsum("nk,nk->", self.P[users], self.P[users]) + np.einsum("nk,nk->", self.Q[items],
                                                                                 self.Q[items])
        return 0.5 * resid @ resid / len(y) + LAM / len(y) * penalty

    def _adagrad_rows(self, name, rows, grad_rows):
        table, acc = getattr(self, name), self.G[name]
        acc[rows] += grad_rows ** 2
        table[rows] -= LR * grad_rows / (np.sqrt(acc[rows]) + EPS)

    def train_step(self, X, y):
        users, items = X[:, 0], X[:, 1]
        n = len(y)
        loss = self.loss(X, y)
        resid = self.predict(users, items) - y
        r = resid / n
        dt = r.dtype

        onehot_u = np.eye(N_USERS, dtype=dt)[users]            # (n, N_USERS)
        onehot_i = np.eye(N_ITEMS, dtype=dt)[items]
        gP = onehot_u.T @ (r[:, None] * self.Q[items] + (2.0 * LAM / n) * self.P[users])
        gQ = onehot_i.T @ (r[:, None] * self.P[users] + (2.0 * LAM / n) * self.Q[items])
        gbu = np.bincount(users, weights=r, minlength=N_USERS).astype(dt)
        gbi = np.bincount(items, weights=r, minlength=N_ITEMS).astype(dt)
        gmu = np.array(r.sum(), dtype=dt)
        self.grads = {"P": gP, "Q": gQ, "bu": gbu, "bi": gbi, "mu": gmu}

        urows, irows = np.unique(users), np.unique(items)
        self._adagrad_rows("P", urows, gP[urows])
        self._adagrad_rows("Q", irows, gQ[irows])
        self._adagrad_rows("bu", urows, gbu[urows])
        self._adagrad_rows("bi", irows, gbi[irows])
        self.G["mu"] += gmu ** 2
        self.mu -= LR * gmu / (np.sqrt(self.G["mu"]) + EPS)
        return float(loss)
