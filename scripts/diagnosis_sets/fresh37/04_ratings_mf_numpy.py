"""Biased matrix factorisation in NumPy (Koren's model, Funk-style regularisation): a rating is
predicted as mu + b_u + b_i + p_u . q_i with mu the global mean of the training ratings (a
constant). The loss of a mini-batch is the mean over its ratings of the squared error plus
REG (|p_u|^2 + |q_i|^2) for the user and item of each rating, so only the rows a batch uses are
regularised, once per rating. Gradients scattered onto the tables with np.add.at, plain SGD.

    X: int (n, 2) (user, item), y: (n, 1) stars
"""

from pathlib import Path

import numpy as np

MU = float(np.load(Path(__file__).with_name("ratings.npz"))["y"].mean())
LR, REG = 0.1, 0.1


class BiasedMF:
    def __init__(self, n_users=12, n_items=15, k=3, seed=6):
        rng = np.random.default_rng(seed)
        self.P = rng.normal(0.0, 0.3, (n_users, k))
        self.Q = rng.normal(0.0, 0.3, (n_items, k))
        self.bu = np.zeros(n_users)
        self.bi = np.zeros(n_items)

    def train_step(self, X, y):
        u, i, r = X[:, 0], X[:, 1], y[:, 0]
        pu, qi = self.P[u], self.Q[i]
        pred = MU + self.bu[u] + self.bi[i] + (pu * qi).sum(axis=1)
        err = pred - r
        n = len(r)
        loss = np.mean(err ** 2) + REG * np.mean((pu ** 2).sum(axis=1) + (qi ** 2).sum(axis=1))

        d = 2.0 * err / n
        dP, dQ = np.zeros_like(self.P), np.zeros_like(self.Q)
        dbu, dbi = np.zeros_like(self.bu), np.zeros_like(self.bi)
        np.add.at(dP, u, d[:, None] * qi + 2.0 * REG * pu / n)
        np.add.at(dQ, i, d[:, None] * pu + 2.0 * REG * qi / n)
        np.add.at(dbu, u, d)
        np.add.at(dbi, i, d)
        self.P -= LR * dP
        self.Q -= LR * dQ
        self.bu -= LR * dbu
        self.bi -= LR * dbi
        return float(loss)
