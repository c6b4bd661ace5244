"""BPR-MF as bpr_numpy.py, written with one-hot selection matrices: lookups and their
gradients are matrix products (E_u @ P, E_u.T @ dPu), margins by einsum, the updates in place.
The parameters live in one dict, theta.
"""

import numpy as np


class BPROneHot:
    def __init__(self, n_users=20, n_items=30, k=8, lr=0.5, lam=0.01, seed=2):
        rng = np.random.default_rng(seed)
        self.theta = {
            "P": 0.1 * rng.standard_normal((n_users, k)),
            "Q": 0.1 * rng.standard_normal((n_items, k)),
            "b": np.zeros(n_items),
        }
        self.n_users, self.n_items = n_users, n_items
        self.lr, self.lam = lr, lam

    def train_step(self, X, y):
        t = self.theta
        N = X.shape[0]
        dt = t["P"].dtype
        Eu = np.eye(self.n_users, dtype=dt)[X[:, 0]]          # (N, n_users)
        Ei = np.eye(self.n_items, dtype=dt)[X[:, 1]]          # (N, n_items)
        Ej = np.eye(self.n_items, dtype=dt)[X[:, 2]]
        D = Ei - Ej                                           # (N, n_items)
        Pu = Eu @ t["P"]
        Qd = D @ t["Q"]                                       # Q[i] - Q[j]
        x = np.einsum("nk,nk->n", Pu, Qd) + D @ t["b"]
        sig_neg = 1.0 / (1.0 + np.exp(x))                     # sigmoid(-x)
        reg = (np.einsum("nk,nk->", Pu, Pu) + np.sum((Ei @ t["Q"]) ** 2)
               + np.sum((Ej @ t["Q"]) ** 2) + np.sum((Ei @ t["b"]) ** 2)
               + np.sum((Ej @ t["b"]) ** 2))
        loss = np.mean(np.log1p(np.exp(-x))) + self.lam * reg / N
        w = sig_neg / N
        cu = Eu.sum(0)                                        # how often each row is used
        ci = Ei.sum(0) + Ej.sum(0)
        r = 2.0 * self.lam / N
        grads = {
            "P": -Eu.T @ (w[:, None] * Qd) + r * cu[:, None] * t["P"],
            "Q": -D.T @ (w[:, None] * Pu) + r * ci[:, None] * t["Q"],
            "b": -D.T @ w + r * ci * t["b"],
        }
        for name in t:
            np.subtract(t[name], self.lr * grads[name], out=t[name])
        self.grads = grads
        return float(loss)
