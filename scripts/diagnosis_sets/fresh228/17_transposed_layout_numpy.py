"""DANN classifier in NumPy with every weight kept as (out, in), like nn.Linear.

The same network, loss, schedule and optimizer as dann_cls_numpy.py; the layers
compute x @ W.T + b, so the gradients are dW = delta.T @ input.
"""

import math

import numpy as np


class DANNNet:
    def __init__(self, n_in=4, hidden=6, dom_hidden=4, classes=3, lr=0.1, momentum=0.9,
                 total_steps=20, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.uniform(-1, 1, (hidden, n_in)) / np.sqrt(n_in),
            "b1": rng.uniform(-0.1, 0.1, hidden),
            "Wc": rng.uniform(-1, 1, (classes, hidden)) / np.sqrt(hidden),
            "bc": np.zeros(classes),
            "Wd1": rng.uniform(-1, 1, (dom_hidden, hidden)) / np.sqrt(hidden),
            "bd1": rng.uniform(-0.1, 0.1, dom_hidden),
            "Wd2": rng.uniform(-1, 1, (1, dom_hidden)) / np.sqrt(dom_hidden),
            "bd2": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.momentum = lr, momentum
        self.total_steps = total_steps
        self.step = 0
        self.n_in = n_in

    def train_step(self, X, y):
        P, g = self.params, self.grads
        self.step += 1
        lam = 2.0 / (1.0 + math.exp(-10.0 * self.step / self.total_steps)) - 1.0
        N = X.shape[0]
        x, mask = X[:, :self.n_in], X[:, self.n_in]
        d = 1.0 - mask
        src = mask > 0.5
        n_src = src.sum()

        h = np.tanh(x @ P["W1"].T + P["b1"])
        s = h @ P["Wc"].T + P["bc"]
        a = np.tanh(h @ P["Wd1"].T + P["bd1"])
        z = (a @ P["Wd2"].T + P["bd2"])[:, 0]

        # cross-entropy over the source rows only (rows selected, not weighted)
        s_src = s[src]
        s_src = s_src - s_src.max(axis=1, keepdims=True)
        lse = np.log(np.exp(s_src).sum(axis=1, keepdims=True))
        logp = s_src - lse
        y_src = y[src]
        ce = -logp[np.arange(n_src), y_src].mean()
        ds = np.zeros_like(s)
        dsrc = np.exp(logp)
        dsrc[np.arange(n_src), y_src] -= 1.0
        ds[src] = dsrc / n_src

        sig = 1.0 / (1.0 + np.exp(-z))
        bce = -(d * np.log(sig) + (1 - d) * np.log(1 - sig)).mean()
        dz = ((sig - d) / N)[:, None]                 # (N, 1)

        g["Wd2"] = dz.T @ a
        g["bd2"] = dz.sum(axis=0)
        dpre_d = (dz @ P["Wd2"]) * (1.0 - a * a)
        g["Wd1"] = dpre_d.T @ h
        g["bd1"] = dpre_d.sum(axis=0)
        g["Wc"] = ds.T @ h
        g["bc"] = ds.sum(axis=0)
        dh = ds @ P["Wc"] + (-lam) * (dpre_d @ P["Wd1"])
        dpre = dh * (1.0 - h * h)
        g["W1"] = dpre.T @ x
        g["b1"] = dpre.sum(axis=0)

        for k in P:
            self.velocity[k] *= self.momentum
            self.velocity[k] += g[k]
            P[k] -= self.lr * self.velocity[k]
        return ce + bce
