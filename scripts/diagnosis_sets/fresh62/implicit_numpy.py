"""Implicit-feedback matrix factorisation in NumPy (Hu, Koren and Volinsky's weighted squared error,
trained by gradient descent instead of ALS): every (user, item) pair of the user's row counts; the
preference p_ui is 1 where the user interacted with the item and 0 elsewhere, the confidence
c_ui = 1 + ALPHA r_ui grows with the interaction count. The score is u . v + b_user + b_item.
Loss: sum over all pairs of c (s - p)^2, divided by the number of users in the batch; plain SGD.

    X: int (n, 1) user ids, y: float (n, 10) interaction counts
"""

import numpy as np

N_USERS, N_ITEMS, DIM, ALPHA, LR = 12, 10, 3, 2.0, 0.02


class ImplicitMF:
    def __init__(self, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {
            "U": rng.normal(0.0, 0.4, (N_USERS, DIM)),
            "V": rng.normal(0.0, 0.4, (N_ITEMS, DIM)),
            "b_user": np.zeros(N_USERS),
            "b_item": np.zeros(N_ITEMS),
        }

    def train_step(self, X, y):
        p = self.params
        users, R = X[:, 0], y
        n = len(users)
        pref = (R > 0).astype(R.dtype)
        conf = 1.0 + ALPHA * R
        u = p["U"][users]
        S = u @ p["V"].T + p["b_user"][users][:, None] + p["b_item"][None, :]
        E = S - pref
        loss = np.sum(conf * E ** 2) / n

        dS = 2.0 * conf * E / n
        g = {k: np.zeros_like(a) for k, a in p.items()}
        np.add.at(g["U"], users, dS @ p["V"])
        g["V"] = dS.T @ u
        np.add.at(g["b_user"], users, dS.sum(axis=1))
        g["b_item"] = dS.sum(axis=0)
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
