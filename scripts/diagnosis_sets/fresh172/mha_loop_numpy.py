"""Correct variant of mha_numpy.py: the same two-head CLS classifier with separate weight
attributes in a list of per-head slices, a loop over the heads in both passes, an additive
padding mask, and the Adam state kept as one dict per parameter.

Parameters (self.weights): emb (vocab, d), pos_emb (T, d), Wqkv (d, 3d) kept (in, out),
bqkv (3d,), Wo (d, d) kept (out, in), bo (d,), Wc (classes, d) kept (out, in), bc (classes,).
"""

import math

import numpy as np


class LoopTwoHead:
    def __init__(self, vocab=12, seq_len=8, d_model=16, n_heads=2, n_classes=3, lr=1e-2,
                 warmup=5, beta1=0.9, beta2=0.999, eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        d = d_model
        self.d, self.H, self.hs = d, n_heads, d // n_heads
        self.weights = {
            "emb": rng.normal(0.0, 0.5, (vocab, d)),
            "pos_emb": rng.normal(0.0, 0.1, (seq_len, d)),
            "Wqkv": rng.normal(0.0, 1.0 / math.sqrt(d), (d, 3 * d)),
            "bqkv": rng.normal(0.0, 0.02, 3 * d),
            "Wo": rng.normal(0.0, 1.0 / math.sqrt(d), (d, d)),
            "bo": np.zeros(d),
            "Wc": rng.normal(0.0, 1.0 / math.sqrt(d), (n_classes, d)),
            "bc": np.zeros(n_classes),
        }
        self.grads = {}
        self.adam = {k: {"m": np.zeros_like(w), "v": np.zeros_like(w)} for k, w in self.weights.items()}
        self.lr, self.warmup, self.beta1, self.beta2, self.eps = lr, warmup, beta1, beta2, eps
        self.n_updates = 0

    def _forward(self, X):
        w = self.weights
        d, hs = self.d, self.hs
        x = w["emb"][X] + w["pos_emb"]
        qkv = x @ w["Wqkv"] + w["bqkv"]
        mask = (X == 0).astype(x.dtype)[:, None, :] * -1e9          # (N, 1, Tk)
        heads = []
        for i in range(self.H):
            q = qkv[:, :, i * hs:(i + 1) * hs]
            k = qkv[:, :, d + i * hs:d + (i + 1) * hs]
            v = qkv[:, :, 2 * d + i * hs:2 * d + (i + 1) * hs]
            s = q @ np.swapaxes(k, 1, 2) / math.sqrt(hs) + mask
            e = np.exp(s - s.max(axis=-1, keepdims=True))
            a = e / e.sum(axis=-1, keepdims=True)
            heads.append((q, k, v, a))
        ctx = np.concatenate([a @ v for (_, _, v, a) in heads], axis=-1)
        h0 = x[:, 0] + ctx[:, 0] @ w["Wo"].T + w["bo"]
        logits = h0 @ w["Wc"].T + w["bc"]
        return logits, (x, heads, ctx, h0)

    def loss(self, X, y):
        logits = self._forward(X)[0]
        z = logits - logits.max(axis=1, keepdims=True)
        return float(np.mean(np.log(np.exp(z).sum(axis=1)) - z[np.arange(len(y)), y]))

    def train_step(self, X, y):
        w = self.weights
        N = X.shape[0]
        d, hs = self.d, self.hs
        logits, (x, heads, ctx, h0) = self._forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        lse = np.log(np.exp(z).sum(axis=1))
        loss = float(np.mean(lse - z[np.arange(N), y]))

        dlog = np.exp(z - lse[:, None])
        dlog[np.arange(N), y] -= 1
        dlog /= N
        g = {"Wc": dlog.T @ h0, "bc": dlog.sum(axis=0)}
        dh0 = dlog @ w["Wc"]                                    # (N, d), only position 0
        g["Wo"] = dh0.T @ ctx[:, 0]
        g["bo"] = dh0.sum(axis=0)
        dctx0 = dh0 @ w["Wo"]                                   # (N, d)
        dqkv = np.zeros((N, X.shape[1], 3 * d), dtype=x.dtype)
        for i, (q, k, v, a) in enumerate(heads):
            dout = dctx0[:, i * hs:(i + 1) * hs]                # query 0 only
            a0 = a[:, 0, :]                                     # (N, Tk)
            da0 = np.einsum("nd,ntd->nt", dout, v)
            ds0 = a0 * (da0 - (a0 * da0).sum(axis=1, keepdims=True)) / math.sqrt(hs)
            dqkv[:, 0, i * hs:(i + 1) * hs] = np.einsum("nt,ntd->nd", ds0, k)
            dqkv[:, :, d + i * hs:d + (i + 1) * hs] = ds0[:, :, None] * q[:, 0:1, :]
            dqkv[:, :, 2 * d + i * hs:2 * d + (i + 1) * hs] = a0[:, :, None] * dout[:, None, :]
        g["Wqkv"] = np.einsum("ntd,nte->de", x, dqkv)
        g["bqkv"] = dqkv.sum(axis=(0, 1))
        dx = dqkv @ w["Wqkv"].T
        dx[:, 0] += dh0
        g["pos_emb"] = dx.sum(axis=0)
        g["emb"] = np.zeros_like(w["emb"])
        np.add.at(g["emb"], X, dx)
        self.grads = g

        self.n_updates += 1
        t = self.n_updates
        lr = self.lr * min(1.0, t / self.warmup)
        for name, p in w.items():
            st = self.adam[name]
            st["m"] = self.beta1 * st["m"] + (1 - self.beta1) * g[name]
            st["v"] = self.beta2 * st["v"] + (1 - self.beta2) * g[name] * g[name]
            m_hat = st["m"] / (1 - self.beta1 ** t)
            v_hat = st["v"] / (1 - self.beta2 ** t)
            p -= lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return loss
