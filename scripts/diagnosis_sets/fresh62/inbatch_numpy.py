"""Two-tower retrieval model in NumPy trained with an in-batch softmax: every row of the batch is a
(user, item) click; user and item embedding tables are looked up by id, the score matrix is the
dot product of every user with every item of the batch divided by a temperature, with the log-Q
(popularity) correction subtracted and a per-item bias added. Row i's positive is column i, the
other items of the batch are its negatives. Mean cross-entropy over the rows, plain SGD.

    X: int (n, 2) (user id, item id)
"""

import numpy as np

N_USERS, N_ITEMS, DIM, TAU, LR = 12, 10, 4, 0.5, 0.5
ITEM_COUNTS = np.array([9, 7, 6, 5, 4, 3, 3, 2, 2, 1], dtype=float)
LOG_Q = np.log(ITEM_COUNTS / ITEM_COUNTS.sum())


class InBatchTwoTower:
    def __init__(self, seed=62):
        rng = np.random.default_rng(seed)
        self.params = {
            "U": rng.normal(0.0, 0.5, (N_USERS, DIM)),
            "V": rng.normal(0.0, 0.5, (N_ITEMS, DIM)),
            "b_item": rng.normal(0.0, 0.3, N_ITEMS),
        }

    def train_step(self, X, y):
        p = self.params
        users, items = X[:, 0], X[:, 1]
        n = len(users)
        u, v = p["U"][users], p["V"][items]
        logq = LOG_Q[items].astype(u.dtype)
        S = (u @ v.T) / TAU - logq[None, :] + p["b_item"][items][None, :]
        S = S - S.max(axis=1, keepdims=True)
        P = np.exp(S)
        P /= P.sum(axis=1, keepdims=True)
        target = np.arange(n)
        loss = -np.mean(np.log(P[np.arange(n), target]))

        dS = P.copy()
        dS[np.arange(n), target] -= 1.0
        dS /= n
        du = dS @ v / TAU
        dv = dS.T @ u / TAU
        g = {k: np.zeros_like(a) for k, a in p.items()}
        np.add.at(g["U"], users, du)
        np.add.at(g["V"], items, dv)
        np.add.at(g["b_item"], items, dS.sum(axis=0))
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
