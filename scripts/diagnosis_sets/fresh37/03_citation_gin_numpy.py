"""GIN-style node classifier in NumPy on a directed citation graph (edge i -> j: paper i cites
paper j). A paper's representation takes its own features plus the sum over the papers that cite
it: with A[i, j] = 1 for i -> j, the messages arrive along the edges, h + A^T h. Two such
layers (ReLU after the first), softmax cross-entropy, plain gradient descent.

    X: (18, 4) node features, y: one-hot (18, 2); the edges come from citations.npz
"""

from pathlib import Path

import numpy as np

GRAPH = np.load(Path(__file__).with_name("citations.npz"))
LR = 0.05


class CitationGIN:
    def __init__(self, n_in=4, hidden=6, n_out=2, seed=4):
        rng = np.random.default_rng(seed)
        n = len(GRAPH["X"])
        A = np.zeros((n, n))
        A[GRAPH["edges"][:, 0], GRAPH["edges"][:, 1]] = 1.0
        self.M = np.eye(n) + A.T
        self.W1 = rng.normal(0.0, 0.4, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.4, (hidden, n_out))
        self.b2 = np.zeros(n_out)

    def train_step(self, X, y):
        MX = self.M @ X
        z1 = MX @ self.W1 + self.b1
        h1 = np.maximum(z1, 0.0)
        Mh = self.M @ h1
        z2 = Mh @ self.W2 + self.b2
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log((p * y).sum(axis=1)))

        dz2 = (p - y) / len(X)
        dW2, db2 = Mh.T @ dz2, dz2.sum(axis=0)
        dz1 = (self.M.T @ (dz2 @ self.W2.T)) * (z1 > 0)
        dW1, db1 = MX.T @ dz1, dz1.sum(axis=0)
        self.W1 -= LR * dW1
        self.b1 -= LR * db1
        self.W2 -= LR * dW2
        self.b2 -= LR * db2
        return float(loss)
