"""Correct variant of att_numpy.py: the same single-head attention classifier written with einsum,
weights kept in nn.Linear's (out, in) layout, the softmax backward written as
a * da - a * <a, da>, the embedding gradient as a one-hot product, and AdamW updates made in place.

Parameters (self.params): E (vocab, d), P (T, d), Wq, Wk, Wv (d, d) kept (out, in),
Wo (classes, d) kept (out, in), bo (classes,).
"""

import math

import numpy as np


class AttnEinsum:
    def __init__(self, vocab=10, seq_len=6, d_model=16, n_classes=3, lr=1e-2, warmup=8,
                 betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01, seed=0):
        rng = np.random.default_rng(seed)
        d = d_model
        self.vocab, self.d = vocab, d
        self.params = {
            "E": rng.standard_normal((vocab, d)) * 0.5,
            "P": rng.standard_normal((seq_len, d)) * 0.1,
            "Wq": rng.standard_normal((d, d)) / math.sqrt(d),
            "Wk": rng.standard_normal((d, d)) / math.sqrt(d),
            "Wv": rng.standard_normal((d, d)) / math.sqrt(d),
            "Wo": rng.standard_normal((n_classes, d)) / math.sqrt(d),
            "bo": np.zeros(n_classes),
        }
        self.grads = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.m = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.v = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.hp = dict(lr=lr, warmup=warmup, b1=betas[0], b2=betas[1], eps=eps, wd=weight_decay)
        self.t = 0

    def _forward(self, X):
        p = self.params
        x = p["E"][X] + p["P"]
        q = np.einsum("ntd,ed->nte", x, p["Wq"])
        k = np.einsum("ntd,ed->nte", x, p["Wk"])
        v = np.einsum("ntd,ed->nte", x, p["Wv"])
        s = np.einsum("nid,njd->nij", q, k) / math.sqrt(self.d)
        s -= s.max(axis=-1, keepdims=True)
        a = np.exp(s)
        a /= a.sum(axis=-1, keepdims=True)
        h = x + np.einsum("nij,njd->nid", a, v)
        pooled = h.mean(axis=1)
        logits = np.einsum("nd,cd->nc", pooled, p["Wo"]) + p["bo"]
        return logits, (x, q, k, v, a, pooled)

    def loss(self, X, y):
        logits = self._forward(X)[0]
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -np.take_along_axis(logp, y[:, None], axis=1).mean()

    def train_step(self, X, y):
        p, g = self.params, self.grads
        N, T = X.shape
        logits, (x, q, k, v, a, pooled) = self._forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()

        dlogits = probs
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        g["Wo"] = np.einsum("nc,nd->cd", dlogits, pooled)
        g["bo"] = dlogits.sum(axis=0)
        dpooled = np.einsum("nc,cd->nd", dlogits, p["Wo"])
        dh = np.broadcast_to(dpooled[:, None, :] / T, x.shape)
        da = np.einsum("nid,njd->nij", dh, v)
        dv = np.einsum("nij,nid->njd", a, dh)
        ds = a * da - a * np.einsum("nij,nij->ni", a, da)[:, :, None]
        ds /= math.sqrt(self.d)
        dq = np.einsum("nij,njd->nid", ds, k)
        dk = np.einsum("nij,nid->njd", ds, q)
        g["Wq"] = np.einsum("nte,ntd->ed", dq, x)
        g["Wk"] = np.einsum("nte,ntd->ed", dk, x)
        g["Wv"] = np.einsum("nte,ntd->ed", dv, x)
        dx = dh + np.einsum("nte,ed->ntd", dq, p["Wq"]) \
            + np.einsum("nte,ed->ntd", dk, p["Wk"]) + np.einsum("nte,ed->ntd", dv, p["Wv"])
        g["P"] = dx.sum(axis=0)
        onehot = (X[:, :, None] == np.arange(self.vocab)).astype(dx.dtype)
        g["E"] = np.einsum("ntv,ntd->vd", onehot, dx)

        hp = self.hp
        self.t += 1
        lr = hp["lr"] * min(1.0, self.t / hp["warmup"])
        bc1 = 1 - hp["b1"] ** self.t
        bc2 = 1 - hp["b2"] ** self.t
        for name, w in p.items():
            grad, m, v2 = g[name], self.m[name], self.v[name]
            w *= 1 - lr * hp["wd"]
            m *= hp["b1"]
            m += (1 - hp["b1"]) * grad
            v2 *= hp["b2"]
            v2 += (1 - hp["b2"]) * np.square(grad)
            denom = np.sqrt(v2)
            denom /= math.sqrt(bc2)
            denom += hp["eps"]
            w -= (lr / bc1) * m / denom
        return float(loss)
