"""Two-tower retrieval model with a fixed temperature and a symmetric in-batch loss, in NumPy.

Query tower: x_q (16) -> dense 24 -> tanh -> dense 12 -> L2 normalise   (q)
Item tower:  x_i (12) -> dense 24 -> tanh -> dense 12 -> L2 normalise   (e)
logits = q e^T / tau with tau = 0.05 fixed; row i of the batch pairs query i with item i.
loss = (CE(rows: each query against all items) + CE(columns: each item against all queries)) / 2,
each cross-entropy averaged over the batch.  Adam with L2 weight decay added to the gradient
(torch.optim.Adam(weight_decay=...)), written by hand.

Parameters are attributes, weights kept (in, out):
    Wq1 (16, 24), bq1 (24,), Wq2 (24, 12), bq2 (12,)
    Wi1 (12, 24), bi1 (24,), Wi2 (24, 12), bi2 (12,)
Gradients in self.grads, Adam moments in self.m / self.v, keyed by those names.
"""

import math

import numpy as np

NAMES = ("Wq1", "bq1", "Wq2", "bq2", "Wi1", "bi1", "Wi2", "bi2")


def _log_softmax(a):
    a = a - a.max(axis=1, keepdims=True)
    return a - np.log(np.exp(a).sum(axis=1, keepdims=True))


class SymmetricTwoTower:
    def __init__(self, query_dim=16, item_dim=12, hidden=24, embed_dim=12, tau=0.05, lr=3e-3,
                 beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-3, seed=1):
        rng = np.random.default_rng(seed)
        self.query_dim = query_dim
        self.tau = tau
        self.Wq1 = rng.standard_normal((query_dim, hidden)) * math.sqrt(1.0 / query_dim)
        self.bq1 = np.zeros(hidden)
        self.Wq2 = rng.standard_normal((hidden, embed_dim)) * math.sqrt(1.0 / hidden)
        self.bq2 = np.zeros(embed_dim)
        self.Wi1 = rng.standard_normal((item_dim, hidden)) * math.sqrt(1.0 / item_dim)
        self.bi1 = np.zeros(hidden)
        self.Wi2 = rng.standard_normal((hidden, embed_dim)) * math.sqrt(1.0 / hidden)
        self.bi2 = np.zeros(embed_dim)
        self.grads = {}
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.weight_decay = weight_decay
        self.m = {n: np.zeros_like(getattr(self, n)) for n in NAMES}
        self.v = {n: np.zeros_like(getattr(self, n)) for n in NAMES}
        self.t = 0

    def embed(self, x, W1, b1, W2, b2):
        pre = x @ W1 + b1
        a1 = np.tanh(pre)
        z = a1 @ W2 + b2
        r = np.sqrt((z ** 2).sum(axis=1, keepdims=True))
        return z / r, (x, pre, a1, r)

    def scores(self, X):
        q, cq = self.embed(X[:, :self.query_dim], self.Wq1, self.bq1, self.Wq2, self.bq2)
        e, ci = self.embed(X[:, self.query_dim:], self.Wi1, self.bi1, self.Wi2, self.bi2)
        return q @ e.T / self.tau, q, e, cq, ci

    def loss(self, X, y=None):
        logits = self.scores(X)[0]
        n = logits.shape[0]
        idx = np.arange(n)
        row = -_log_softmax(logits)[idx, idx].mean()
        col = -_log_softmax(logits.T)[idx, idx].mean()
        return 0.5 * (row + col)

    def embed_backward(self, du, u, cache, W2):
        x, pre, a1, r = cache
        dz = (du - u * (du * u).sum(axis=1, keepdims=True)) / r
        dW2 = a1.T @ dz
        db2 = dz.sum(axis=0)
        da1 = dz @ W2.T
        dpre = da1 * (1.0 - pre ** 2)
        dW1 = x.T @ dpre
        db1 = dpre.sum(axis=0)
        return dW1, db1, dW2, db2

    def train_step(self, X, y):
        logits, q, e, cq, ci = self.scores(X)
        n = logits.shape[0]
        idx = np.arange(n)
        lp_row = _log_softmax(logits)
        lp_col = _log_softmax(logits.T)
        loss = 0.5 * (-lp_row[idx, idx].mean() - lp_col[idx, idx].mean())

        g_row = np.exp(lp_row)
        g_row[idx, idx] -= 1.0
        g_col = np.exp(lp_col)
        g_col[idx, idx] -= 1.0
        dlogits = 0.5 * (g_row + g_col.T) / n
        dsim = dlogits / self.tau
        dq = dsim @ e
        de = dsim.T @ q

        gq = self.embed_backward(dq, q, cq, self.Wq2)
        gi = self.embed_backward(de, e, ci, self.Wi2)
        self.grads = dict(zip(NAMES, gq + gi))

        # Adam, L2 penalty folded into the gradient as torch.optim.Adam(weight_decay=...)
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for name in NAMES:
            w = getattr(self, name)
            g = self.grads[name] + self.weight_decay * w
            self.m[name] = self.beta1 * self.m[name] + (1.0 - self.beta1) * g
            self.v[name] = self.beta2 * self.v[name] + (1.0 - self.beta2) * g * g
            denom = np.sqrt(self.v[name]) / math.sqrt(bc2) + self.eps
            w -= (self.lr / bc1) * self.m[name] / denom
        return float(loss)
