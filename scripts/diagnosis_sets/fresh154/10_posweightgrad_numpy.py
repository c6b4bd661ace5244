"""Wide-and-deep binary classifier for a small table, from scratch in NumPy.

X (N, 5): two categorical columns (codes, 5 and 4 levels) then three raw numeric columns.
The numeric columns are standardised with the batch's own mean and (population) standard
deviation. Wide part: one weight per category level of each column (an embedding table of
width 1 per column) plus a linear term on the numeric columns. Deep part: one embedding table
per categorical column (width 3), looked up and concatenated with the numeric columns, then
dense 9 -> 8, ReLU, dense 8 -> 1. The logit is wide + deep.

Loss: binary cross-entropy with logits and pos_weight 2 (positives count twice), mean over rows.
Optimizer: Adagrad, lr 0.05, accumulator started at 0.1 (the Keras default), eps 1e-10.
"""

import numpy as np


class WideDeep:
    def __init__(self, cards=(5, 4), n_num=3, emb_dim=3, hidden=8, lr=0.05, pos_weight=2.0,
                 init_acc=0.1, eps=1e-10, seed=0):
        rng = np.random.default_rng(seed)
        self.cards = cards
        self.n_cat = len(cards)
        self.lr = lr
        self.pos_weight = pos_weight
        self.eps = eps
        d_in = self.n_cat * emb_dim + n_num
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
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.G = {k: np.full_like(p, init_acc) for k, p in self.params.items()}

    @staticmethod
    def standardise(num):
        return (num - num.mean(axis=0)) / num.std(axis=0)

    def forward(self, X):
        p = self.params
        cat = X[:, :self.n_cat].astype(np.int64)
        xn = self.standardise(X[:, self.n_cat:])
        wide = p["Ew0"][cat[:, 0], 0] + p["Ew1"][cat[:, 1], 0] + xn @ p["wn"] + p["bw"][0]
        deep_in = np.concatenate([p["E0"][cat[:, 0]], p["E1"][cat[:, 1]], xn], axis=1)
        a1 = deep_in @ p["W1"] + p["b1"]
        h1 = np.maximum(a1, 0.0)
        deep = (h1 @ p["W2"] + p["b2"])[:, 0]
        self.cache = (cat, xn, deep_in, a1, h1)
        return wide + deep

    def loss_and_dz(self, z, y):
        pw = self.pos_weight
        # log sigmoid(z) = -softplus(-z), log(1 - sigmoid(z)) = -softplus(z)
        sp_pos = np.logaddexp(0.0, -z)
        sp_neg = np.logaddexp(0.0, z)
        loss = np.mean(pw * y * sp_pos + (1 - y) * sp_neg)
        s = 1.0 / (1.0 + np.exp(-z))
        dz = (s - y) / len(y)
        return loss, dz

    def backward(self, dz):
        p, g = self.params, self.grads
        cat, xn, deep_in, a1, h1 = self.cache
        # wide
        g["Ew0"] = np.zeros_like(p["Ew0"])
        np.add.at(g["Ew0"][:, 0], cat[:, 0], dz)
        g["Ew1"] = np.zeros_like(p["Ew1"])
        np.add.at(g["Ew1"][:, 0], cat[:, 1], dz)
        g["wn"] = xn.T @ dz
        g["bw"] = np.array([dz.sum()])
        # deep
        dd = dz[:, None]
        g["W2"] = h1.T @ dd
        g["b2"] = dd.sum(axis=0)
        dh1 = dd @ p["W2"].T
        da1 = dh1 * (a1 > 0)
        g["W1"] = deep_in.T @ da1
        g["b1"] = da1.sum(axis=0)
        dx = da1 @ p["W1"].T
        k = p["E0"].shape[1]
        g["E0"] = np.zeros_like(p["E0"])
        np.add.at(g["E0"], cat[:, 0], dx[:, :k])
        g["E1"] = np.zeros_like(p["E1"])
        np.add.at(g["E1"], cat[:, 1], dx[:, k:2 * k])

    def adagrad(self):
        for k, p in self.params.items():
            g = self.grads[k]
            self.G[k] += g * g
            p -= self.lr * g / (np.sqrt(self.G[k]) + self.eps)

    def train_step(self, X, y):
        y = y.reshape(-1)
        z = self.forward(X)
        loss, dz = self.loss_and_dz(z, y)
        self.backward(dz)
        self.adagrad()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "wd.npz"))
    net = WideDeep()
    for step in range(20):
        print(step, net.train_step(d["X"], d["y"]))
