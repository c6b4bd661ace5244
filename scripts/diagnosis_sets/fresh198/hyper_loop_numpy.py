"""Hypernetwork regression in NumPy, one sample at a time, Adagrad updated in place."""
import numpy as np


class HyperNet:
    def __init__(self, n_task=3, n_in=6, hidden=8, lr=0.05, eps=1e-10, seed=1):
        rng = np.random.default_rng(seed)
        self.n_task, self.n_in, self.hidden = n_task, n_in, hidden
        self.params = {
            "H": 0.5 * rng.standard_normal((n_task, n_in * hidden)),
            "hb": 0.1 * rng.standard_normal(n_in * hidden),
            "b1": 0.1 * rng.standard_normal(hidden),
            "w2": rng.standard_normal((hidden, 1)) / np.sqrt(hidden),
            "b2": np.zeros(1),
        }
        self.accum = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.grads = {}
        self.lr, self.eps = lr, eps

    def _sample(self, zn, xn):
        P = self.params
        W = (zn @ P["H"] + P["hb"]).reshape(self.n_in, self.hidden) / self.n_in ** 0.5
        h = np.tanh(xn @ W + P["b1"])
        return h, (h @ P["w2"] + P["b2"])

    def loss(self, X, y):
        outs = [self._sample(X[i, :self.n_task], X[i, self.n_task:])[1] for i in range(len(X))]
        return np.mean((np.stack(outs) - y) ** 2)

    def train_step(self, X, y):
        P = self.params
        G = {k: np.zeros_like(v) for k, v in P.items()}
        n = len(X)
        total = 0.0
        for i in range(n):
            zn, xn = X[i, :self.n_task], X[i, self.n_task:]
            h, out = self._sample(zn, xn)
            r = out - y[i]
            total += float(r @ r)
            d = r * (2.0 / (n * y.shape[1]))
            G["w2"] += np.outer(h, d)
            G["b2"] += d
            dpre = (P["w2"] @ d) * (1.0 - h * h)
            G["b1"] += dpre
            dflat = np.outer(xn, dpre).ravel() / self.n_in ** 0.5
            G["H"] += np.outer(zn, dflat)
            G["hb"] += dflat
        self.grads = G
        for k, p in P.items():
            s = self.accum[k]
            np.add(s, G[k] * G[k], out=s)
            p -= self.lr * G[k] / (np.sqrt(s) + self.eps)
        return total / (n * y.shape[1])
