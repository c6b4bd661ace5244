"""Factorization machine written the long way, without the sum-square identity: the Gram matrix
G = V V^T of the factors, masked to its strict upper triangle (each pair a < b once), and the
pairwise part x^T (G * M) x by np.einsum; the gradient goes through G: dG = (sum_n d_n x_n x_n^T)
* M, dV = (dG + dG^T) V. Same model as fm_numpy.py; checked against fm_torch.py.

    X: float (n, 6), y: float (n, 1) clicks
"""

import numpy as np

D, K = 6, 3
MASK = np.triu(np.ones((D, D)), k=1)


class FactorizationMachine:
    def __init__(self, lr=0.5, seed=4):
        rng = np.random.default_rng(seed)
        self.w0 = np.zeros(1)
        self.w = rng.normal(0.0, 0.1, D)
        self.V = rng.normal(0.0, 0.4, (D, K))
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        t = y[:, 0]
        G = self.V @ self.V.T
        pairwise = np.einsum('na,ab,nb->n', X, G * MASK, X)
        s = self.w0 + X @ self.w + pairwise
        loss = np.mean(np.logaddexp(0.0, s) - t * s)

        d = (np.exp(-np.logaddexp(0.0, -s)) - t) / n
        dG = np.einsum('n,na,nb->ab', d, X, X) * MASK
        self.V -= self.lr * ((dG + dG.T) @ self.V)
        self.w -= self.lr * (X.T @ d)
        self.w0 -= self.lr * np.sum(d, keepdims=True)
        return float(loss)
