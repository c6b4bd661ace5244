"""Two-layer GCN (Kipf & Welling) in NumPy for the club graph: self-loops added, the symmetric
normalisation S = D^-1/2 (A + I) D^-1/2 built once, H1 = relu(S X W1 + b1), logits S H1 W2 + b2,
softmax cross-entropy averaged over the 20 nodes, heavy-ball momentum.

    X: (20, 4) node features, y: one-hot (20, 3); the edges come from club.npz
"""

from pathlib import Path

import numpy as np

GRAPH = np.load(Path(__file__).with_name("club.npz"))
LR, MU = 0.2, 0.9


def normalised_adjacency(edges, n):
    A = np.zeros((n, n))
    A[edges[:, 0], edges[:, 1]] = 1.0
    A[edges[:, 1], edges[:, 0]] = 1.0
    A_hat = A + np.eye(n)
    d_inv_sqrt = 1.0 / np.sqrt(A_hat.sum(axis=1))
    return d_inv_sqrt[:, None] * A_hat * d_inv_sqrt[None, :]


class ClubGCN:
    def __init__(self, n_in=4, hidden=8, n_out=3, seed=3):
        rng = np.random.default_rng(seed)
        self.S = normalised_adjacency(GRAPH["edges"], len(GRAPH["X"]))
        lim1, lim2 = np.sqrt(6.0 / (n_in + hidden)), np.sqrt(6.0 / (hidden + n_out))
        self.W1 = rng.uniform(-lim1, lim1, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.uniform(-lim2, lim2, (hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        SX = self.S @ X
        z1 = SX @ self.W1 + self.b1
        h1 = np.maximum(z1, 0.0)
        Sh = self.S @ h1
        z2 = Sh @ self.W2 + self.b2
        z2 = z2 - z2.max(axis=1, keepdims=True)
        p = np.exp(z2) / np.exp(z2).sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))

        dz2 = (p - y) / len(X)
        grads = {"W2": Sh.T @ dz2, "b2": dz2.sum(axis=0)}
        dh1 = self.S.T @ dz2 @ self.W2.T
        dz1 = dh1 * (z1 > 0)
        grads["W1"] = SX.T @ dz1
        grads["b1"] = dz1.sum(axis=0)
        for k, g in grads.items():
            self.velocity[k] = MU * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - LR * self.velocity[k])
        return float(loss)
