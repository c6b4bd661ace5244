"""Tabular regressor in NumPy with entity embeddings: column 0 is a store id (4 stores, a 3-d
embedding), column 1 a customer segment id (4 segments, a 2-d embedding), columns 2-4 numeric.
The two embeddings and the numeric columns are concatenated (3 + 2 + 3 = 8) -> 8 tanh -> 1,
mean squared error, gradient descent; the embedding rows are updated with np.add.at.

    X: (n, 5) float (ids stored as floats), y: (n, 1)
"""

import numpy as np

LR = 0.1


class SalesNet:
    def __init__(self, n_stores=4, n_segments=4, hidden=8, seed=5):
        rng = np.random.default_rng(seed)
        self.E_store = rng.normal(0.0, 0.5, (n_stores, 3))
        self.E_seg = rng.normal(0.0, 0.5, (n_segments, 2))
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(8), (8, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        store, seg, num = X[:, 0].astype(int), X[:, 1].astype(int), X[:, 2:]
        inp = np.concatenate([self.E_store[store], self.E_seg[seg], num], axis=1)
        h = np.tanh(inp @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / len(y)
        dh = (d_out @ self.W2.T) * (1 - h ** 2)
        d_inp = dh @ self.W1.T
        dE_store, dE_seg = np.zeros_like(self.E_store), np.zeros_like(self.E_seg)
        np.add.at(dE_store, store, d_inp[:, 0:3])
        np.add.at(dE_seg, seg, d_inp[:, 3:5])
        self.W2 -= LR * (h.T @ d_out)
        self.b2 -= LR * d_out.sum(axis=0)
        self.W1 -= LR * (inp.T @ dh)
        self.b1 -= LR * dh.sum(axis=0)
        self.E_store -= LR * dE_store
        self.E_seg -= LR * dE_seg
        return float(loss)
