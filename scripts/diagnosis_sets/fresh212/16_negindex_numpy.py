"""Bayesian personalized ranking (BPR) matrix factorization, from scratch in NumPy.

Each row of X is a triple (u, i, j): user u interacted with item i; item j is a negative sampled
when the data set was made (y is unused). Item scores x_ui = b_i + P[u] . Q[i] (a user bias
cancels in the difference), and

    L = -1/N sum_n log sigmoid(x_ui - x_uj)
        + lam/N sum_n (|P[u]|^2 + |Q[i]|^2 + |Q[j]|^2 + b_i^2 + b_j^2)

with L2 on the rows the batch uses. Plain SGD: p -= lr * grad.
"""

import numpy as np


class BPRMF:
    def __init__(self, n_users=20, n_items=30, k=8, lr=0.5, lam=0.01, seed=2):
        rng = np.random.default_rng(seed)
        self.user_emb = 0.1 * rng.standard_normal((n_users, k))
        self.item_emb = 0.1 * rng.standard_normal((n_items, k))
        self.item_bias = np.zeros(n_items)
        self.lr = lr
        self.lam = lam

    def margin(self, X):
        u, i, j = X[:, 0], X[:, 1], X[:, 2]
        P, Q, b = self.user_emb, self.item_emb, self.item_bias
        return b[i] - b[j] + np.sum(P[u] * (Q[i] - Q[j]), axis=1)

    def loss(self, X, y=None):
        u, i, j = X[:, 0], X[:, 1], X[:, 2]
        P, Q, b = self.user_emb, self.item_emb, self.item_bias
        x = self.margin(X)
        nll = np.logaddexp(0.0, -x).mean()            # -log sigmoid(x)
        reg = (np.sum(P[u] ** 2) + np.sum(Q[i] ** 2) + np.sum(Q[j] ** 2)
               + np.sum(b[i] ** 2) + np.sum(b[j] ** 2))
        return nll + self.lam * reg / len(X)

    def train_step(self, X, y):
        u, i, j = X[:, 0], X[:, 1], X[:, 2]
        P, Q, b = self.user_emb, self.item_emb, self.item_bias
        N = len(X)
        loss = self.loss(X)
        x = self.margin(X)
        # d/dx of -log sigmoid(x) = -sigmoid(-x)
        dx = -np.exp(-np.logaddexp(0.0, x)) / N
        c = 2.0 * self.lam / N
        dP = np.zeros_like(P)
        dQ = np.zeros_like(Q)
        db = np.zeros_like(b)
        np.add.at(dP, u, dx[:, None] * (Q[i] - Q[j]) + c * P[u])
        np.add.at(dQ, i, dx[:, None] * P[u] + c * Q[i])
        np.add.at(dQ, i, -dx[:, None] * P[u] + c * Q[j])
        np.add.at(db, i, dx + c * b[i])
        np.add.at(db, j, -dx + c * b[j])
        self.grads = {"user_emb": dP, "item_emb": dQ, "item_bias": db}
        self.user_emb -= self.lr * dP
        self.item_emb -= self.lr * dQ
        self.item_bias -= self.lr * db
        return float(loss)
