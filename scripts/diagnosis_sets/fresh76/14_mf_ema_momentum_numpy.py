"""Matrix completion by masked matrix factorisation in NumPy.

The whole ratings matrix is one batch (row i is user i): r_hat = MU + U V^T + b_item, MU the mean
of the observed ratings. The loss is half the squared error averaged over the observed entries
only, 0.5 * sum(M * E^2) / sum(M), plus the L2 penalty 0.5 * LAM * (|U|^2 + |V|^2). SGD with
heavy-ball momentum as torch.optim.SGD writes it (velocity = MOMENTUM * velocity + grad,
param -= lr * velocity) and a linear warmup: the t-th update uses LR * min(1, t / WARMUP).

    X: float (24, 10) the complete ratings matrix, y: float (24, 10) the observation mask M
"""

import numpy as np

N_USERS, N_ITEMS, K = 24, 10, 3
LR, LAM, MOMENTUM, WARMUP = 0.5, 0.05, 0.9, 5


class MaskedMF:
    def __init__(self, seed=76):
        rng = np.random.default_rng(seed)
        self.params = {
            "U": rng.normal(0.0, 0.3, (N_USERS, K)),
            "V": rng.normal(0.0, 0.3, (N_ITEMS, K)),
            "b_item": np.zeros(N_ITEMS),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        M = y
        p = self.params
        U, V = p["U"], p["V"]
        cnt = M.sum()
        mu = (X * M).sum() / cnt
        pred = mu + U @ V.T + p["b_item"]
        E = pred - X
        loss = 0.5 * np.sum(M * E ** 2) / cnt + 0.5 * LAM * (np.sum(U ** 2) + np.sum(V ** 2))

        dpred = M * E / cnt
        g = {}
        g["U"] = dpred @ V + LAM * U
        g["V"] = dpred.T @ U + LAM * V
        g["b_item"] = dpred.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR * min(1.0, self.t / WARMUP)
        for k in p:
            self.velocity[k] = MOMENTUM * self.velocity[k] + (1.0 - MOMENTUM) * g[k]  # fix: self.velocity[k] = MOMENTUM * self.velocity[k] + g[k]
            p[k] -= lr * self.velocity[k]
        return float(loss)
