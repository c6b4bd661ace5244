"""BPR over the stored triples with the lookups as one-hot matrix products: Ou, Oi, Oj = eye[u],
eye[i], eye[j]; the embedding rows are Ou @ U etc. and every scatter is a transposed product
(Ou.T @ ...), so repeated ids add up by themselves. -log sigmoid(x) as np.logaddexp(0, -x), its
derivative -sigmoid(-x) as -np.exp(-np.logaddexp(0, x)). Same model as bpr_numpy.py; checked
against bpr_torch.py.

    X: int (n, 3) (user, positive item, negative item), y unused
"""

import numpy as np

USERS, ITEMS, K = 10, 10, 4


class BPR:
    def __init__(self, lr=2.0, seed=5):
        rng = np.random.default_rng(seed)
        self.U = rng.normal(0.0, 0.5, (USERS, K))
        self.I = rng.normal(0.0, 0.5, (ITEMS, K))
        self.b = np.zeros(ITEMS)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        Ou = np.eye(USERS, dtype=self.U.dtype)[X[:, 0]]
        Oij = np.eye(ITEMS, dtype=self.I.dtype)[X[:, 1]] - np.eye(ITEMS, dtype=self.I.dtype)[X[:, 2]]
        Uu = Ou @ self.U
        x = np.sum(Uu * (Oij @ self.I), axis=1) + Oij @ self.b
        loss = np.mean(np.logaddexp(0.0, -x))

        g = -np.exp(-np.logaddexp(0.0, x)) / n
        dU = Ou.T @ (g[:, None] * (Oij @ self.I))
        dI = Oij.T @ (g[:, None] * Uu)
        db = Oij.T @ g
        self.U -= self.lr * dU
        self.I -= self.lr * dI
        self.b -= self.lr * db
        return float(loss)
