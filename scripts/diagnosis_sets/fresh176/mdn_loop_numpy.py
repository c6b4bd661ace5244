"""The mixture density network of mdn_numpy.py written another way: a loop over the experts.

The gate weight is kept (E, D) as nn.Linear keeps it; the gate gradient is written directly
as (pi - resp) / N; each expert's two heads are handled as separate columns; RMSprop updates
its running squares and the weights in place.
"""

import math

import numpy as np


class MDNLoop:
    def __init__(self, n_in=3, n_experts=3, hidden=10, seed=5):
        rng = np.random.default_rng(seed)
        self.E = n_experts
        self.Wg = rng.normal(0.0, 0.5, (n_experts, n_in))
        self.bg = np.zeros(n_experts)
        self.W1 = rng.normal(0.0, 0.5, (n_experts, n_in, hidden))
        self.b1 = rng.normal(0.0, 0.1, (n_experts, hidden))
        self.W2 = rng.normal(0.0, 0.3, (n_experts, hidden, 2))
        self.b2 = np.zeros((n_experts, 2))
        self.names = ["Wg", "bg", "W1", "b1", "W2", "b2"]
        self.sq = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.lr, self.alpha, self.eps = 0.005, 0.9, 1e-8

    def _terms(self, X, y):
        z = X @ self.Wg.T + self.bg
        pi = np.exp(z - z.max(axis=1, keepdims=True))
        pi /= pi.sum(axis=1, keepdims=True)
        hs, mus, ss = [], [], []
        for k in range(self.E):
            h = np.maximum(X @ self.W1[k] + self.b1[k], 0.0)
            hs.append(h)
            mus.append(h @ self.W2[k, :, 0] + self.b2[k, 0])
            ss.append(h @ self.W2[k, :, 1] + self.b2[k, 1])
        mu, s = np.stack(mus, axis=1), np.stack(ss, axis=1)
        e = y - mu                                           # (N, E)
        log_dens = -0.5 * math.log(2.0 * math.pi) - 0.5 * s - 0.5 * e * e * np.exp(-s)
        l = np.log(pi) + log_dens
        c = l.max(axis=1, keepdims=True)
        w = np.exp(l - c)
        lik = w.sum(axis=1, keepdims=True)
        loss = -np.mean(c + np.log(lik))
        resp = w / lik
        return loss, pi, hs, s, e, resp

    def loss(self, X, y):
        return float(self._terms(X, y)[0])

    def train_step(self, X, y):
        loss, pi, hs, s, e, resp = self._terms(X, y)
        n = X.shape[0]
        g = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        dz = (pi - resp) / n
        g["Wg"] = dz.T @ X
        g["bg"] = dz.sum(axis=0)
        prec = np.exp(-s)
        dmu = -(resp / n) * e * prec                        # d loss / d mu
        ds = (resp / n) * (0.5 - 0.5 * e * e * prec)         # d loss / d s
        for k in range(self.E):
            h = hs[k]
            g["W2"][k, :, 0] = h.T @ dmu[:, k]
            g["W2"][k, :, 1] = h.T @ ds[:, k]
            g["b2"][k, 0] = dmu[:, k].sum()
            g["b2"][k, 1] = ds[:, k].sum()
            dh = np.outer(dmu[:, k], self.W2[k, :, 0]) + np.outer(ds[:, k], self.W2[k, :, 1])
            dh *= h > 0
            g["W1"][k] = X.T @ dh
            g["b1"][k] = dh.sum(axis=0)
        self.grads = g
        for k in self.names:
            w, sq = getattr(self, k), self.sq[k]
            sq *= self.alpha
            sq += (1.0 - self.alpha) * np.square(g[k])
            w -= self.lr * g[k] / (np.sqrt(sq) + self.eps)
        return float(loss)
