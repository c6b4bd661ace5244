"""The multi-quantile MLP of quantile_numpy.py written another way: weights kept (out, in) as
nn.Linear keeps them, einsum for the products, the pinball gradient through np.where, and
RMSprop updated in place.

Parameters self.params: W1 (24, 6), b1 (24,), W2 (3, 24), b2 (3,); state self.square_avg.
"""

import numpy as np


class QuantileMLPAlt:
    def __init__(self, n_in=6, hidden=24, taus=(0.1, 0.5, 0.9), lr=0.01, alpha=0.9, eps=1e-6,
                 seed=3):
        rng = np.random.default_rng(seed)
        self.tau = np.asarray(taus, dtype=np.float32)[None, :]         # (1, Q)
        self.params = {
            "W1": rng.uniform(-1, 1, (hidden, n_in)).astype(np.float32) / np.float32(np.sqrt(n_in)),
            "b1": rng.uniform(-0.1, 0.1, hidden).astype(np.float32),
            "W2": rng.uniform(-1, 1, (len(taus), hidden)).astype(np.float32) / np.float32(np.sqrt(hidden)),
            "b2": np.zeros(len(taus), dtype=np.float32),
        }
        self.lr, self.alpha, self.eps = lr, alpha, eps
        self.square_avg = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.grads = {}

    def _forward(self, X):
        p = self.params
        h = np.tanh(np.einsum("nd,hd->nh", X, p["W1"]) + p["b1"])
        q = np.einsum("nh,qh->nq", h, p["W2"]) + p["b2"]
        return q, h

    def loss(self, X, y):
        q, _ = self._forward(X)
        r = y[:, None] - q
        return np.where(r >= 0, self.tau * r, (self.tau - 1) * r).mean()

    def train_step(self, X, y):
        p = self.params
        q, h = self._forward(X)
        r = y[:, None] - q
        loss = np.where(r >= 0, self.tau * r, (self.tau - 1) * r).mean()
        # d loss / d q: -tau above the quantile, 1 - tau below it
        dq = np.where(r >= 0, -self.tau, 1 - self.tau) / r.size
        g = {"W2": np.einsum("nq,nh->qh", dq, h), "b2": dq.sum(0)}
        dpre = np.einsum("nq,qh->nh", dq, p["W2"]) * (1 - h * h)
        g["W1"] = np.einsum("nh,nd->hd", dpre, X)
        g["b1"] = dpre.sum(0)
        self.grads = g
        for k in p:
            s = self.square_avg[k]
            s *= self.alpha
            s += (1 - self.alpha) * g[k] ** 2
            p[k] -= self.lr * g[k] / (np.sqrt(s) + self.eps)
        return float(loss)
