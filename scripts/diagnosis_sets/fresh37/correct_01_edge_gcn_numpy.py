"""Two-layer GCN in NumPy on the club graph written as message passing over an edge list:
every undirected edge in both directions plus a self-loop per node, each message weighted by
1 / sqrt(deg(source) deg(target)) (the entries of D^-1/2 (A + I) D^-1/2), summed onto its target
with np.add.at; the backward pass sends the gradients the other way along the same edges.
ReLU, mean softmax cross-entropy, Adam.

    X: (20, 4) node features, y: one-hot (20, 3); the edges come from club.npz
"""

from pathlib import Path

import numpy as np

GRAPH = np.load(Path(__file__).with_name("club.npz"))
LR, BETAS, EPS = 0.05, (0.9, 0.999), 1e-8


def gcn_edges(edges, n):
    loops = np.arange(n)
    src = np.concatenate([edges[:, 0], edges[:, 1], loops])
    dst = np.concatenate([edges[:, 1], edges[:, 0], loops])
    deg = np.bincount(dst, minlength=n).astype(float)
    return src, dst, 1.0 / np.sqrt(deg[src] * deg[dst])


class EdgeGCN:
    def __init__(self, n_in=4, hidden=8, n_out=3, seed=1):
        rng = np.random.default_rng(seed)
        self.src, self.dst, self.coef = gcn_edges(GRAPH["edges"], len(GRAPH["X"]))
        g1, g2 = np.sqrt(6.0 / (n_in + hidden)), np.sqrt(6.0 / (hidden + n_out))
        self.params = {"W1": rng.uniform(-g1, g1, (n_in, hidden)), "b1": np.zeros(hidden),
                       "W2": rng.uniform(-g2, g2, (hidden, n_out)), "b2": np.zeros(n_out)}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def propagate(self, h, forward=True):
        src, dst = (self.src, self.dst) if forward else (self.dst, self.src)
        out = np.zeros_like(h)
        np.add.at(out, dst, self.coef[:, None] * h[src])
        return out

    def train_step(self, X, y):
        p = self.params
        ax = self.propagate(X)
        z1 = ax @ p["W1"] + p["b1"]
        h1 = np.where(z1 > 0, z1, 0.0)
        ah = self.propagate(h1)
        z2 = ah @ p["W2"] + p["b2"]
        lse = np.logaddexp.reduce(z2, axis=1, keepdims=True)
        loss = float(np.mean(lse[:, 0] - (z2 * y).sum(axis=1)))

        dz2 = (np.exp(z2 - lse) - y) / len(X)
        grads = {"W2": ah.T @ dz2, "b2": dz2.sum(axis=0)}
        dz1 = self.propagate(dz2 @ p["W2"].T, forward=False) * (z1 > 0)
        grads["W1"], grads["b1"] = ax.T @ dz1, dz1.sum(axis=0)
        self.t += 1
        b1, b2 = BETAS
        for k, g in grads.items():
            self.m[k] += (1 - b1) * (g - self.m[k])
            self.v[k] += (1 - b2) * (g * g - self.v[k])
            step = LR * np.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)
            p[k] -= step * self.m[k] / (np.sqrt(self.v[k]) + EPS * np.sqrt(1 - b2 ** self.t))
        return loss
