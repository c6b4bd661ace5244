"""The CLS attention classifier in NumPy written another way: the projection and readout weights
kept in torch's (out, in) layout and applied as x @ W.T, the CLS row and the events stacked by
writing into a preallocated array, the binary cross-entropy as logaddexp(0, z) - y z with the
sigmoid taken as exp(-logaddexp(0, -z)), the layer norm through np.var, the softmax backward as
a - a * sum(...) computed per head with np.einsum, and the cosine learning rates listed up front
as Python floats; heavy-ball momentum with the weight decay added to a copy of each gradient.

    X: float (n, 20), event-major (columns 5e..5e+4 are event e); y: float (n,) 0/1
"""

import math

import numpy as np

T, D = 4, 5
LR, LR_MIN, TOTAL = 0.05, 0.005, 20
MOMENTUM, WD = 0.9, 0.01
LN_EPS = 1e-5


class ClsAttentionOutIn:
    def __init__(self, seed=3):
        rng = np.random.default_rng(seed)
        bound = 1.0 / math.sqrt(D)
        self.params = {
            "cls": rng.normal(0.0, 0.5, D),
            "P": rng.normal(0.0, 0.1, (T + 1, D)),
            "Wq": rng.uniform(-bound, bound, (D, D)),
            "Wk": rng.uniform(-bound, bound, (D, D)),
            "Wv": rng.uniform(-bound, bound, (D, D)),
            "g": np.ones(D),
            "beta": np.zeros(D),
            "Wc": rng.uniform(-bound, bound, (1, D)),
            "bc": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.lrs = [LR_MIN + 0.5 * (LR - LR_MIN) * (1.0 + math.cos(math.pi * i / TOTAL)) for i in range(TOTAL)]
        self.updates = 0

    def _forward(self, X):
        p = self.params
        n = len(X)
        seq = np.empty((n, T + 1, D), dtype=X.dtype)
        seq[:, 0] = p["cls"]
        seq[:, 1:] = X.reshape(n, T, D)
        seq += p["P"]
        q, k, v = seq @ p["Wq"].T, seq @ p["Wk"].T, seq @ p["Wv"].T
        scores = np.einsum("nid,njd->nij", q, k) / math.sqrt(D)
        e = np.exp(scores - scores.max(axis=2, keepdims=True))
        a = e / e.sum(axis=2, keepdims=True)
        r = seq + np.einsum("nij,njd->nid", a, v)
        rstd = 1.0 / np.sqrt(np.var(r, axis=2, keepdims=True) + LN_EPS)
        xhat = (r - r.mean(axis=2, keepdims=True)) * rstd
        h0 = xhat[:, 0] * p["g"] + p["beta"]
        z = h0 @ p["Wc"][0] + p["bc"][0]
        return z, (seq, q, k, v, a, xhat, rstd, h0)

    def loss(self, X, y):
        z, _ = self._forward(X)
        return float(np.mean(np.logaddexp(0.0, z) - y * z))

    def train_step(self, X, y):
        p = self.params
        z, (seq, q, k, v, a, xhat, rstd, h0) = self._forward(X)
        n = len(X)
        loss = np.mean(np.logaddexp(0.0, z) - y * z)
        dz = (np.exp(-np.logaddexp(0.0, -z)) - y) / n
        g = {"Wc": (dz @ h0)[None, :], "bc": np.array([dz.sum()], dtype=z.dtype)}
        dh0 = np.outer(dz, p["Wc"][0])
        g["g"] = (dh0 * xhat[:, 0]).sum(axis=0)
        g["beta"] = dh0.sum(axis=0)
        dxhat = np.zeros_like(xhat)
        dxhat[:, 0] = dh0 * p["g"]
        proj = (dxhat * xhat).mean(axis=2, keepdims=True)
        dr = rstd * (dxhat - dxhat.mean(axis=2, keepdims=True) - xhat * proj)
        da = np.einsum("nid,njd->nij", dr, v)
        dv = np.einsum("nij,nid->njd", a, dr)
        ds = (a * da - a * np.einsum("nij,nij->ni", a, da)[:, :, None]) / math.sqrt(D)
        dq = np.einsum("nij,njd->nid", ds, k)
        dk = np.einsum("nij,nid->njd", ds, q)
        g["Wq"] = np.einsum("nte,ntd->ed", dq, seq)
        g["Wk"] = np.einsum("nte,ntd->ed", dk, seq)
        g["Wv"] = np.einsum("nte,ntd->ed", dv, seq)
        dseq = dr + dq @ p["Wq"] + dk @ p["Wk"] + dv @ p["Wv"]
        g["P"] = dseq.sum(axis=0)
        g["cls"] = dseq[:, 0].sum(axis=0)
        self.grads = g

        lr = self.lrs[self.updates]
        self.updates += 1
        for name, w in p.items():
            d_p = g[name].copy()
            d_p += WD * w
            buf = self.velocity[name]
            buf *= MOMENTUM
            buf += d_p
            w -= lr * buf
        return float(loss)
