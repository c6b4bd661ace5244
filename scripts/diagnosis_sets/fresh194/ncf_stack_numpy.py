"""NeuMF with the BPR loss and Adagrad in NumPy, written another way (same model as
ncf_numpy.py).

Layer weights are kept (out, in) as nn.Linear keeps them (W1 (h1, 2d), W2 (h2, h1),
Wo (1, k + h2)); the positive and negative items pass through the network as one stacked
batch of 2N rows with the score gradient [dx, -dx]; the L2 gradient is scattered with
the data gradient in the same np.add.at; Adagrad updates in place.
"""

import numpy as np


class NeuMF:
    def __init__(self, n_users=14, n_items=24, k=8, d=8, h1=16, h2=8, lr=0.1, reg=0.05,
                 init_acc=0.1, eps=1e-10, seed=0):
        rng = np.random.default_rng(seed)
        self.k, self.d = k, d
        self.params = {
            "Pg": rng.normal(0.0, 0.1, (n_users, k)),
            "Qg": rng.normal(0.0, 0.1, (n_items, k)),
            "Pm": rng.normal(0.0, 0.1, (n_users, d)),
            "Qm": rng.normal(0.0, 0.1, (n_items, d)),
            "W1": rng.normal(0.0, np.sqrt(1.0 / d), (h1, 2 * d)),
            "b1": np.full(h1, 0.01),
            "W2": rng.normal(0.0, np.sqrt(2.0 / h1), (h2, h1)),
            "b2": np.full(h2, 0.01),
            "Wo": rng.normal(0.0, np.sqrt(1.0 / (k + h2)), (1, k + h2)),
        }
        self.lr, self.reg, self.eps = lr, reg, eps
        self.G = {n: np.full_like(p, init_acc) for n, p in self.params.items()}
        self.grads = {}

    def _forward(self, users, items):
        p = self.params
        pg, qg, pm, qm = p["Pg"][users], p["Qg"][items], p["Pm"][users], p["Qm"][items]
        z = np.hstack([pm, qm])
        a1 = z @ p["W1"].T + p["b1"]
        h1 = np.where(a1 > 0, a1, 0.0)
        a2 = h1 @ p["W2"].T + p["b2"]
        h2 = np.where(a2 > 0, a2, 0.0)
        f = np.hstack([pg * qg, h2])
        return (f @ p["Wo"].T).ravel(), (pg, qg, z, a1, h1, a2, f)

    def loss(self, X, y=None):
        N = X.shape[0]
        users = np.concatenate([X[:, 0], X[:, 0]])
        items = np.concatenate([X[:, 1], X[:, 2]])
        s, (pg, qg, z, _, _, _, _) = self._forward(users, items)
        x = s[:N] - s[N:]
        # user rows counted once per triple, item rows once for the positive and the negative
        l2 = (pg[:N] ** 2).sum() + (z[:N, :self.d] ** 2).sum() + (qg ** 2).sum() \
            + (z[:, self.d:] ** 2).sum()
        return np.mean(np.logaddexp(0.0, -x)) + 0.5 * self.reg * l2 / N

    def train_step(self, X, y):
        p, k, d = self.params, self.k, self.d
        N = X.shape[0]
        loss = self.loss(X)
        users = np.concatenate([X[:, 0], X[:, 0]])
        items = np.concatenate([X[:, 1], X[:, 2]])
        s, (pg, qg, z, a1, h1, a2, f) = self._forward(users, items)
        x = s[:N] - s[N:]
        dx = -np.exp(-np.logaddexp(0.0, x)) / N              # -sigmoid(-x) / N
        ds = np.concatenate([dx, -dx])

        g = {}
        g["Wo"] = ds[None, :] @ f
        df = np.outer(ds, p["Wo"][0])
        da2 = df[:, k:] * (a2 > 0)
        g["W2"] = da2.T @ h1
        g["b2"] = da2.sum(axis=0)
        da1 = (da2 @ p["W2"]) * (a1 > 0)
        g["W1"] = da1.T @ z
        g["b1"] = da1.sum(axis=0)
        dz = da1 @ p["W1"]

        c = self.reg / N
        first = np.zeros((2 * N, 1), dtype=dz.dtype)
        first[:N] = 1.0                                        # the user's L2 once per triple
        dpg = df[:, :k] * qg + c * first * pg
        dqg = df[:, :k] * pg + c * qg
        dpm = dz[:, :d] + c * first * z[:, :d]
        dqm = dz[:, d:] + c * z[:, d:]
        for name, idx, rows in (("Pg", users, dpg), ("Qg", items, dqg),
                                ("Pm", users, dpm), ("Qm", items, dqm)):
            g[name] = np.zeros_like(p[name])
            np.add.at(g[name], idx, rows)
        self.grads = g

        for name, w in p.items():
            G = self.G[name]
            G += g[name] ** 2
            w -= self.lr * g[name] / (np.sqrt(G) + self.eps)
        return float(loss)
