"""Wide-and-deep (as wd_numpy.py), written with one-hot matrices instead of index lookups.

Every categorical column is turned into a one-hot matrix once per step; the lookups are
one-hot @ table and the table gradients one-hot.T @ upstream (which sums repeated levels by
itself). The pos-weighted BCE gradient is written as s * (1 + (pw - 1) y) - pw y, the same
thing as pw y (s - 1) + (1 - y) s. The Adagrad accumulators are kept as a list in the order
of a list of parameter names.
"""

import numpy as np


def onehot(codes, k):
    out = np.zeros((codes.shape[0], k), dtype=np.float64)
    out[np.arange(codes.shape[0]), codes] = 1.0
    return out


class WideDeepOneHot:
    names = ("Ew0", "Ew1", "wn", "bw", "E0", "E1", "W1", "b1", "W2", "b2")

    def __init__(self, cards=(5, 4), n_num=3, emb_dim=3, hidden=8, lr=0.05, pos_weight=2.0,
                 init_acc=0.1, eps=1e-10, seed=0):
        rng = np.random.default_rng(seed)
        self.cards = cards
        self.lr, self.pos_weight, self.eps = lr, pos_weight, eps
        d_in = len(cards) * emb_dim + n_num
        self.params = {
            "Ew0": rng.normal(0, 0.1, (cards[0], 1)),
            "Ew1": rng.normal(0, 0.1, (cards[1], 1)),
            "wn": rng.normal(0, 0.1, n_num),
            "bw": np.zeros(1),
            "E0": rng.normal(0, 0.5, (cards[0], emb_dim)),
            "E1": rng.normal(0, 0.5, (cards[1], emb_dim)),
            "W1": rng.normal(0, 1.0, (d_in, hidden)) * np.sqrt(2.0 / d_in),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0, 1.0, (hidden, 1)) * np.sqrt(1.0 / hidden),
            "b2": np.zeros(1),
        }
        self.acc = [np.full_like(self.params[k], init_acc) for k in self.names]

    def train_step(self, X, y):
        p = self.params
        y = y.reshape(-1)
        n = X.shape[0]
        dt = X.dtype
        O0 = onehot(X[:, 0].astype(np.int64), self.cards[0]).astype(dt)
        O1 = onehot(X[:, 1].astype(np.int64), self.cards[1]).astype(dt)
        num = X[:, 2:]
        mu = num.sum(axis=0) / n
        sd = np.sqrt(((num - mu) ** 2).sum(axis=0) / n)
        xn = (num - mu) / sd

        wide = (O0 @ p["Ew0"] + O1 @ p["Ew1"])[:, 0] + xn @ p["wn"] + p["bw"][0]
        k = p["E0"].shape[1]
        deep_in = np.hstack([O0 @ p["E0"], O1 @ p["E1"], xn])
        a1 = deep_in @ p["W1"] + p["b1"]
        mask = a1 > 0
        h1 = a1 * mask
        z = wide + (h1 @ p["W2"])[:, 0] + p["b2"][0]

        pw = self.pos_weight
        s = 1.0 / (1.0 + np.exp(-z))
        loss = -np.mean(pw * y * np.log(s) + (1 - y) * np.log(1 - s))
        dz = (s * (1 + (pw - 1) * y) - pw * y) / n

        g = {}
        g["Ew0"] = O0.T @ dz[:, None]
        g["Ew1"] = O1.T @ dz[:, None]
        g["wn"] = dz @ xn
        g["bw"] = dz.sum(keepdims=True)
        g["W2"] = (h1.T @ dz)[:, None]
        g["b2"] = dz.sum(keepdims=True)
        da1 = np.outer(dz, p["W2"][:, 0]) * mask
        g["W1"] = deep_in.T @ da1
        g["b1"] = da1.sum(axis=0)
        dx = da1 @ p["W1"].T
        g["E0"] = O0.T @ dx[:, :k]
        g["E1"] = O1.T @ dx[:, k:2 * k]
        self.grads = g

        for name, acc in zip(self.names, self.acc):
            acc += g[name] ** 2
            p[name] -= self.lr * g[name] / (np.sqrt(acc) + self.eps)
        return float(loss)
