"""Biased matrix factorisation for explicit ratings, from scratch in NumPy, plain SGD.

    pred_n = mu + bu[u_n] + bi[i_n] + P[u_n] . Q[i_n]
    loss   = mean_n (pred_n - r_n)^2
             + lam * mean_n( |P[u_n]|^2 + |Q[i_n]|^2 + bu[u_n]^2 + bi[i_n]^2 )

The L2 penalty is on the rows the batch looks up (once per occurrence), as in the usual
SGD recommender. mu, the global mean, is learned too. Gradients of the tables are
scattered with np.add.at; SGD p -= lr g (only looked-up rows get a nonzero gradient).
"""

import numpy as np


class BiasedMF:
    def __init__(self, n_users=12, n_items=15, k=6, lr=0.3, lam=0.05, mu0=3.5, seed=0):
        rng = np.random.default_rng(seed)
        self.P = rng.normal(0.0, 0.3, (n_users, k))
        self.Q = rng.normal(0.0, 0.3, (n_items, k))
        self.bu = rng.normal(0.0, 0.1, n_users)
        self.bi = rng.normal(0.0, 0.1, n_items)
        self.mu = np.array(mu0)
        self.lr = lr
        self.lam = lam
        self.grads = {}

    def predict(self, X):
        u, i = X[:, 0], X[:, 1]
        return self.mu + self.bu[u] + self.bi[i] + np.sum(self.P[u] * self.Q[i], axis=1)

    def loss(self, X, y):
        u, i = X[:, 0], X[:, 1]
        err = self.predict(X) - y.astype(self.P.dtype)
        reg = (np.sum(self.P[u] ** 2, axis=1) + np.sum(self.Q[i] ** 2, axis=1)
               + self.bu[u] ** 2 + self.bi[i] ** 2)
        return np.mean(err ** 2) + self.lam * np.mean(reg)

    def backward(self, X, y):
        u, i = X[:, 0], X[:, 1]
        N = len(u)
        Pu, Qi = self.P[u], self.Q[i]
        err = self.predict(X) - y.astype(self.P.dtype)
        loss = self.loss(X, y)

        derr = 2.0 * err / N
        c = 2.0 * self.lam / N
        dP = np.zeros_like(self.P)
        dQ = np.zeros_like(self.Q)
        dbu = np.zeros_like(self.bu)
        dbi = np.zeros_like(self.bi)
        np.add.at(dP, u, derr[:, None] * Qi)
        np.add.at(dQ, i, derr[:, None] * Pu)
        uu, ii = np.unique(u), np.unique(i)
        dP[uu] += c * self.P[uu]
        dQ[ii] += c * self.Q[ii]
        np.add.at(dbu, u, derr + c * self.bu[u])
        np.add.at(dbi, i, derr + c * self.bi[i])
        self.grads = {"P": dP, "Q": dQ, "bu": dbu, "bi": dbi, "mu": np.sum(derr)}
        return loss

    def sgd(self):
        self.P -= self.lr * self.grads["P"]
        self.Q -= self.lr * self.grads["Q"]
        self.bu -= self.lr * self.grads["bu"]
        self.bi -= self.lr * self.grads["bi"]
        self.mu -= self.lr * self.grads["mu"]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.sgd()
        return float(loss)
