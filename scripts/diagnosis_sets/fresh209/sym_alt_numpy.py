"""Correct variant of sym_numpy.py: the same symmetric two-tower model written another way.  The
column (item -> query) cross-entropy is taken as a log-softmax over axis 0 of the score matrix
(no transposes), the gradient of both directions built from one-hot identity matrices, the tanh
derivative as 1 / cosh(pre)^2, the normalisation backward as dz = (du - u <u, du>) / |z| written
with einsum, and Adam with explicit bias-corrected m_hat / v_hat and the L2 term in the gradient.
"""

import math

import numpy as np


class SymmetricTwoTowerAlt:
    def __init__(self, query_dim=16, item_dim=12, hidden=24, embed_dim=12, tau=0.05, lr=3e-3,
                 beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-3, seed=1):
        rng = np.random.default_rng(seed)
        self.split = query_dim
        self.inv_tau = 1.0 / tau
        self.Wq1 = rng.standard_normal((query_dim, hidden)) * math.sqrt(1.0 / query_dim)
        self.bq1 = np.zeros(hidden)
        self.Wq2 = rng.standard_normal((hidden, embed_dim)) * math.sqrt(1.0 / hidden)
        self.bq2 = np.zeros(embed_dim)
        self.Wi1 = rng.standard_normal((item_dim, hidden)) * math.sqrt(1.0 / item_dim)
        self.bi1 = np.zeros(hidden)
        self.Wi2 = rng.standard_normal((hidden, embed_dim)) * math.sqrt(1.0 / hidden)
        self.bi2 = np.zeros(embed_dim)
        self.hyper = dict(lr=lr, beta1=beta1, beta2=beta2, eps=eps, wd=weight_decay)
        self.m, self.v, self.t = {}, {}, 0

    def _params(self):
        return {"Wq1": self.Wq1, "bq1": self.bq1, "Wq2": self.Wq2, "bq2": self.bq2,
                "Wi1": self.Wi1, "bi1": self.bi1, "Wi2": self.Wi2, "bi2": self.bi2}

    @staticmethod
    def _encode(x, W1, b1, W2, b2):
        pre = x @ W1 + b1
        hid = np.tanh(pre)
        z = hid @ W2 + b2
        size = np.sqrt(np.einsum("nd,nd->n", z, z))[:, None]
        return z / size, (x, pre, hid, size)

    @staticmethod
    def _decode(du, u, cache, W2):
        x, pre, hid, size = cache
        dz = (du - u * np.einsum("nd,nd->n", u, du)[:, None]) / size
        dpre = (dz @ W2.T) / np.cosh(pre) ** 2
        return x.T @ dpre, dpre.sum(0), hid.T @ dz, dz.sum(0)

    def _scores(self, X):
        q, cq = self._encode(X[:, :self.split], self.Wq1, self.bq1, self.Wq2, self.bq2)
        e, ci = self._encode(X[:, self.split:], self.Wi1, self.bi1, self.Wi2, self.bi2)
        return (q @ e.T) * self.inv_tau, q, e, cq, ci

    @staticmethod
    def _both_log_softmax(S):
        r = S - S.max(axis=1, keepdims=True)
        row = r - np.log(np.exp(r).sum(axis=1, keepdims=True))
        c = S - S.max(axis=0, keepdims=True)
        col = c - np.log(np.exp(c).sum(axis=0, keepdims=True))
        return row, col

    def loss(self, X, y=None):
        row, col = self._both_log_softmax(self._scores(X)[0])
        return -0.5 * (np.trace(row) + np.trace(col)) / row.shape[0]

    def train_step(self, X, y):
        S, q, e, cq, ci = self._scores(X)
        n = S.shape[0]
        row, col = self._both_log_softmax(S)
        loss = -0.5 * (np.trace(row) + np.trace(col)) / n
        eye = np.eye(n, dtype=S.dtype)
        dS = ((np.exp(row) - eye) + (np.exp(col) - eye)) * (0.5 / n)
        dsim = dS * self.inv_tau
        gq = self._decode(dsim @ e, q, cq, self.Wq2)
        gi = self._decode(dsim.T @ q, e, ci, self.Wi2)
        self.grads = dict(zip(("Wq1", "bq1", "Wq2", "bq2", "Wi1", "bi1", "Wi2", "bi2"), gq + gi))

        h = self.hyper
        self.t += 1
        for name, w in self._params().items():
            g = self.grads[name] + h["wd"] * w
            if name not in self.m:
                self.m[name] = np.zeros_like(w)
                self.v[name] = np.zeros_like(w)
            self.m[name] = h["beta1"] * self.m[name] + (1.0 - h["beta1"]) * g
            self.v[name] = h["beta2"] * self.v[name] + (1.0 - h["beta2"]) * np.square(g)
            m_hat = self.m[name] / (1.0 - h["beta1"] ** self.t)
            v_hat = self.v[name] / (1.0 - h["beta2"] ** self.t)
            w -= h["lr"] * m_hat / (np.sqrt(v_hat) + h["eps"])
        return float(loss)
