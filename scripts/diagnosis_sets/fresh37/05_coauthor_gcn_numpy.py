"""Two-layer GCN regressor in NumPy on the coauthor graph: S = D^-1/2 (A + I) D^-1/2, and each
graph convolution is S (H W) + b, the bias added after the propagation as in Kipf's code and
PyG's GCNConv. tanh hidden layer, mean squared error, plain gradient descent.

    X: (16, 5) node features, y: (16, 1); the edges come from coauthor.npz
"""

from pathlib import Path

import numpy as np

GRAPH = np.load(Path(__file__).with_name("coauthor.npz"))
LR = 0.1


class CoauthorGCN:
    def __init__(self, n_in=5, hidden=8, seed=21):
        rng = np.random.default_rng(seed)
        n = len(GRAPH["X"])
        A = np.eye(n)
        A[GRAPH["edges"][:, 0], GRAPH["edges"][:, 1]] = 1.0
        A[GRAPH["edges"][:, 1], GRAPH["edges"][:, 0]] = 1.0
        d = A.sum(axis=1) ** -0.5
        self.S = d[:, None] * A * d[None, :]
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = np.full(hidden, 0.1)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        XW = X @ self.W1
        h = np.tanh(self.S @ XW + self.b1)
        out = self.S @ (h @ self.W2) + self.b2
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / len(y)
        d_hW2 = self.S.T @ d_out
        dW2, db2 = h.T @ d_hW2, d_out.sum(axis=0)
        d_z1 = (d_hW2 @ self.W2.T) * (1.0 - h ** 2)
        dW1, db1 = X.T @ (self.S.T @ d_z1), d_z1.sum(axis=0)
        self.W1 -= LR * dW1
        self.b1 -= LR * db1
        self.W2 -= LR * dW2
        self.b2 -= LR * db2
        return float(loss)
