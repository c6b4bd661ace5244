"""Two-layer GCN in NumPy on the club graph with dense matrices: self-loops added, symmetric
normalisation D^-1/2 (A + I) D^-1/2, tanh, softmax cross-entropy, Adam.

    X: (20, 4) node features, y: one-hot (20, 3); the edges come from club.npz
"""

from pathlib import Path

import numpy as np

GRAPH = np.load(Path(__file__).with_name("club.npz"))
LR, B1, B2, EPS = 0.03, 0.9, 0.999, 1e-8


class ClubEdgeGCN:
    def __init__(self, n_in=4, hidden=6, n_out=3, seed=8):
        rng = np.random.default_rng(seed)
        n = len(GRAPH["X"])
        A = np.eye(n)
        for i, j in GRAPH["edges"]:
            A[i, j] = A[j, i] = 1.0
        deg = A.sum(axis=1)
        self.S = A / np.sqrt(np.outer(deg, deg))
        self.params = {"W1": rng.normal(0.0, 0.5, (n_in, hidden)), "b1": np.zeros(hidden),
                       "W2": rng.normal(0.0, 0.5, (hidden, n_out)), "b2": np.zeros(n_out)}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p, S = self.params, self.S
        h = np.tanh(S @ X @ p["W1"] + p["b1"])
        z = S @ h @ p["W2"] + p["b2"]
        log_p = z - z.max(axis=1, keepdims=True)
        log_p -= np.log(np.exp(log_p).sum(axis=1, keepdims=True))
        loss = -np.mean((y * log_p).sum(axis=1))

        dz = (np.exp(log_p) - y) / len(X)
        g = {"W2": (S @ h).T @ dz, "b2": dz.sum(axis=0)}
        dpre = (S.T @ dz @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"], g["b1"] = (S @ X).T @ dpre, dpre.sum(axis=0)
        self.t += 1
        for k in p:
            self.m[k] = B1 * self.m[k] + (1 - B1) * g[k]
            self.v[k] = B2 * self.v[k] + (1 - B2) * g[k] * g[k]
            p[k] -= LR * (self.m[k] / (1 - B1 ** self.t)) / (np.sqrt(self.v[k] / (1 - B2 ** self.t)) + EPS)
        return float(loss)
