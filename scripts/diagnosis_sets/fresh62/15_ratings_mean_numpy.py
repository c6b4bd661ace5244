"""Biased matrix factorisation for explicit ratings in NumPy (the Koren / Funk SVD model):
r_hat = MU + b_user + b_item + u . v, MU the global mean rating of the training set, user and
item biases and factors looked up by id. Mean squared error, mini-batch SGD, gradients scattered
with np.add.at. Biases are kept as (rows, 1) columns, like nn.Embedding(n, 1).

    X: int (n, 2) (user id, item id), y: float (n, 1) ratings
"""

import numpy as np

N_USERS, N_ITEMS, DIM, MU, LR = 8, 6, 3, 3.4, 0.1


class BiasedMF:
    def __init__(self, seed=11):
        rng = np.random.default_rng(seed)
        self.params = {
            "P": rng.normal(0.0, 0.5, (N_USERS, DIM)),
            "Q": rng.normal(0.0, 0.5, (N_ITEMS, DIM)),
            "b_user": rng.normal(0.0, 0.2, (N_USERS, 1)),
            "b_item": rng.normal(0.0, 0.2, (N_ITEMS, 1)),
        }

    def train_step(self, X, y):
        prm = self.params
        users, items, r = X[:, 0], X[:, 1], y[:, 0]
        n = len(users)
        mu = y.mean()  # fix: mu = MU
        pu, qi = prm["P"][users], prm["Q"][items]
        pred = mu + prm["b_user"][users, 0] + prm["b_item"][items, 0] + np.sum(pu * qi, axis=1)
        err = pred - r
        loss = np.mean(err ** 2)

        d = 2.0 * err / n
        g = {k: np.zeros_like(a) for k, a in prm.items()}
        np.add.at(g["P"], users, d[:, None] * qi)
        np.add.at(g["Q"], items, d[:, None] * pu)
        np.add.at(g["b_user"], (users, 0), d)
        np.add.at(g["b_item"], (items, 0), d)
        self.grads = g
        for k in prm:
            prm[k] -= LR * g[k]
        return float(loss)
