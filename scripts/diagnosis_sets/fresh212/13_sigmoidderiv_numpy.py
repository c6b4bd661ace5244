"""Implicit-feedback matrix factorization (pointwise, logistic), from scratch in NumPy.

Each row of X is a (user, item) pair; y is 1 for an observed interaction and 0 for a negative
sampled when the data set was made. The score is a logit:

    s(u, i) = g + b_u + b_i + P[u] . Q[i]

Loss on a batch of N pairs: mean binary cross-entropy on the logits plus L2 on the rows the
batch uses (every occurrence counts), the global bias g not regularized:

    L = 1/N sum_n BCE(sigmoid(s_n), y_n) + lam/N sum_n (|P[u_n]|^2 + |Q[i_n]|^2 + b_u^2 + b_i^2)

Trained with Adagrad (G += g*g; p -= lr * g / (sqrt(G) + eps)), as torch.optim.Adagrad.
"""

import numpy as np


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class ImplicitMF:
    def __init__(self, n_users=20, n_items=30, k=8, lr=0.1, lam=0.02, eps=1e-10, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "g": np.array(0.0),
            "P": 0.1 * rng.standard_normal((n_users, k)),
            "Q": 0.1 * rng.standard_normal((n_items, k)),
            "bu": np.zeros(n_users),
            "bi": np.zeros(n_items),
        }
        self.lr, self.lam, self.eps = lr, lam, eps
        self.grads = {}
        self.G = {name: np.zeros_like(p) for name, p in self.params.items()}

    def logits(self, X):
        p = self.params
        u, i = X[:, 0], X[:, 1]
        return p["g"] + p["bu"][u] + p["bi"][i] + np.einsum("nk,nk->n", p["P"][u], p["Q"][i])

    def loss(self, X, y):
        p = self.params
        u, i = X[:, 0], X[:, 1]
        s = self.logits(X)
        # log(1 + exp(s)) - y s, written stably
        bce = np.maximum(s, 0) + np.log1p(np.exp(-np.abs(s))) - y * s
        reg = (np.sum(p["P"][u] ** 2) + np.sum(p["Q"][i] ** 2)
               + np.sum(p["bu"][u] ** 2) + np.sum(p["bi"][i] ** 2))
        return bce.mean() + self.lam * reg / len(y)

    def backward(self, X, y):
        p = self.params
        u, i = X[:, 0], X[:, 1]
        N = len(y)
        prob = sigmoid(self.logits(X))
        ds = (prob - y) * prob * (1 - prob) / N
        c = 2 * self.lam / N
        g = {name: np.zeros_like(a) for name, a in p.items()}
        g["g"] = np.array(ds.sum(), dtype=p["g"].dtype)
        np.add.at(g["P"], u, ds[:, None] * p["Q"][i] + c * p["P"][u])
        np.add.at(g["Q"], i, ds[:, None] * p["P"][u] + c * p["Q"][i])
        np.add.at(g["bu"], u, ds + c * p["bu"][u])
        np.add.at(g["bi"], i, ds + c * p["bi"][i])
        self.grads = g

    def adagrad(self):
        for name, p in self.params.items():
            grad = self.grads[name]
            self.G[name] += grad * grad
            p -= self.lr * grad / (np.sqrt(self.G[name]) + self.eps)

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.backward(X, y)
        self.adagrad()
        return float(loss)
