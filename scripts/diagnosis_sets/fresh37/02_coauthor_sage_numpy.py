"""A GraphSAGE layer with the mean aggregator in NumPy (the coauthor graph, a node regression):
h = tanh(x W_self + mean_{j in N(i)} x_j W_neigh + b1), then a dense read-out h W2 + b2. The
neighbours' features are gathered along an edge list that holds each undirected edge in both
directions, summed onto their targets with np.add.at and divided by the degree. Mean squared
error, Adam.

    X: (16, 5) node features, y: (16, 1); the edges come from coauthor.npz
"""

from pathlib import Path

import numpy as np

GRAPH = np.load(Path(__file__).with_name("coauthor.npz"))
LR, B1, B2, EPS = 0.02, 0.9, 0.999, 1e-8


class CoauthorSAGE:
    def __init__(self, n_in=5, hidden=8, seed=11):
        rng = np.random.default_rng(seed)
        e = GRAPH["edges"]
        self.src = np.concatenate([e[:, 0], e[:, 1]])
        self.dst = np.concatenate([e[:, 1], e[:, 0]])
        self.n = len(GRAPH["X"])
        self.deg = np.bincount(self.dst, minlength=self.n).astype(float)
        s1, s2 = 1.0 / np.sqrt(n_in), 1.0 / np.sqrt(hidden)
        self.params = {
            "Ws1": rng.uniform(-s1, s1, (n_in, hidden)), "Wn1": rng.uniform(-s1, s1, (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.uniform(-s2, s2, (hidden, 1)), "b2": np.zeros(1),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def aggregate(self, h):
        out = np.zeros((self.n, h.shape[1]), dtype=h.dtype)
        np.add.at(out, self.dst, h[self.src])
        return out / self.deg[:, None]

    def train_step(self, X, y):
        p = self.params
        a1 = self.aggregate(X)
        h1 = np.tanh(X @ p["Ws1"] + a1 @ p["Wn1"] + p["b1"])
        out = h1 @ p["W2"] + p["b2"]
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        g = {"W2": h1.T @ d_out, "b2": d_out.sum(axis=0)}
        d_z1 = (d_out @ p["W2"].T) * (1.0 - h1 ** 2)
        g.update(Ws1=X.T @ d_z1, Wn1=a1.T @ d_z1, b1=d_z1.sum(axis=0))

        self.t += 1
        for k in p:
            self.m[k] = B1 * self.m[k] + (1 - B1) * g[k]
            self.v[k] = B2 * self.v[k] + (1 - B2) * g[k] ** 2
            m_hat = self.m[k] / (1 - B1 ** self.t)
            v_hat = self.v[k] / (1 - B2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
