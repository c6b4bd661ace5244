"""BPR matrix factorisation from scratch in NumPy, trained on (user, pos, neg) triples.

score(u, i) = P[u] . Q[i] + b_item[i]
loss = mean_n softplus(-(score(u, i) - score(u, j)))          (= -log sigmoid(x_uij))
       + reg / 2 * (|P[u]|^2 + |Q[i]|^2 + |Q[j]|^2) summed over the batch / N
(L2 on the rows the batch gathers only; the item bias is not regularised.)
Plain SGD, lr 1.0 (the loss is a batch mean).

    X: int64 (N, 3) user, positive item, negative item; y: unused (all ones)
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class BPRMF:
    def __init__(self, n_users=12, n_items=20, k=8, lr=1.0, reg=0.05, seed=0):
        rng = np.random.default_rng(seed)
        self.P = rng.normal(0.0, 0.1, (n_users, k))
        self.Q = rng.normal(0.0, 0.1, (n_items, k))
        self.b_item = np.zeros(n_items)
        self.lr = lr
        self.reg = reg
        self.grads = {}

    def scores(self, X):
        u, i, j = X[:, 0], X[:, 1], X[:, 2]
        s_pos = np.sum(self.P[u] * self.Q[i], axis=1) + self.b_item[i]
        s_neg = np.sum(self.P[u] * self.Q[j], axis=1) + self.b_item[j]
        return s_pos, s_neg

    def loss(self, X, y=None):
        u, i, j = X[:, 0], X[:, 1], X[:, 2]
        s_pos, s_neg = self.scores(X)
        x = s_pos - s_neg
        l2 = (self.P[u] ** 2).sum() + (self.Q[i] ** 2).sum() + (self.Q[j] ** 2).sum()
        return np.logaddexp(0.0, -x).mean() + 0.5 * self.reg * l2 / len(X)

    def train_step(self, X, y):
        u, i, j = X[:, 0], X[:, 1], X[:, 2]
        N = len(X)
        pu, qi, qj = self.P[u], self.Q[i], self.Q[j]
        loss = self.loss(X)

        s_pos, s_neg = self.scores(X)
        x = s_pos - s_neg
        dx = -sigmoid(-x) / N                       # d/dx softplus(-x), batch mean

        g_u = dx[:, None] * (qi - qj) + self.reg * pu / N
        g_i = dx[:, None] * pu + self.reg * qi / N
        g_j = -dx[:, None] * pu + self.reg * qj / N

        dP = np.zeros_like(self.P)
        dQ = np.zeros_like(self.Q)
        db = np.zeros_like(self.b_item)
        np.add.at(dP, u, g_u)                       # users repeat in a batch
        np.add.at(dQ, i, g_i)
        np.add.at(dQ, j, g_j)
        np.add.at(db, i, dx)
        np.add.at(db, j, -dx)
        self.grads = {"P": dP, "Q": dQ, "b_item": db}

        self.P -= self.lr * dP
        self.Q -= self.lr * dQ
        self.b_item -= self.lr * db
        return float(loss)
