"""Character CNN (as char_numpy.py), written another way: the convolution as one matrix
product over sliding windows (numpy.lib.stride_tricks.sliding_window_view), the kernel kept
in the torch layout (filters, emb, width), the embedding gradient as one-hot^T @ dx, the
softmax gradient from a one-hot matrix, and Adam with in-place moment updates and the
bias corrections folded into the step size.

Parameters (self.p): emb (vocab, emb), kernel (filters, emb, width), kbias (filters,),
proj (classes, filters), pbias (classes,).
"""

import math

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class CharCNNAlt:
    def __init__(self, vocab=24, emb_dim=8, width=3, filters=8, classes=4,
                 lr=0.01, b1=0.9, b2=0.999, eps=1e-8, seed=5):
        rng = np.random.default_rng(seed)
        self.p = {
            "emb": rng.standard_normal((vocab, emb_dim)),
            "kernel": rng.standard_normal((filters, emb_dim, width)) / np.sqrt(width * emb_dim),
            "kbias": rng.standard_normal(filters) * 0.1,
            "proj": rng.standard_normal((classes, filters)) / np.sqrt(filters),
            "pbias": np.zeros(classes),
        }
        self.grads = {}
        self.lr, self.b1, self.b2, self.eps = lr, b1, b2, eps
        self.state = {k: (np.zeros_like(v), np.zeros_like(v)) for k, v in self.p.items()}
        self.step_count = 0

    def _forward(self, X):
        p = self.p
        Fn, D, k = p["kernel"].shape
        x = p["emb"][X]                                         # (N, L, D)
        win = sliding_window_view(x, k, axis=1)                 # (N, T, D, k)
        N, T = win.shape[:2]
        cols = win.reshape(N * T, D * k)
        h = (cols @ p["kernel"].reshape(Fn, D * k).T + p["kbias"]).reshape(N, T, Fn)
        relu = np.where(h > 0, h, 0)
        t_star = relu.argmax(axis=1)                            # (N, F)
        n_ix = np.arange(N)[:, None]
        f_ix = np.arange(Fn)[None, :]
        pooled = relu[n_ix, t_star, f_ix]                       # (N, F)
        logits = pooled @ p["proj"].T + p["pbias"]
        return logits, (x, cols, h, t_star, pooled)

    def loss(self, X, y):
        logits = self._forward(X)[0]
        lse = np.log(np.exp(logits - logits.max(1, keepdims=True)).sum(1)) + logits.max(1)
        return float(np.mean(lse - logits[np.arange(len(y)), y]))

    def train_step(self, X, y):
        p = self.p
        logits, (x, cols, h, t_star, pooled) = self._forward(X)
        N, T, Fn = h.shape
        D, k = p["kernel"].shape[1:]
        L = x.shape[1]
        mx = logits.max(1, keepdims=True)
        e = np.exp(logits - mx)
        s = e.sum(1, keepdims=True)
        loss = np.mean(np.log(s[:, 0]) + mx[:, 0] - logits[np.arange(N), y])
        onehot = np.zeros_like(logits)
        onehot[np.arange(N), y] = 1
        d_logits = (e / s - onehot) / N

        g = self.grads
        g["proj"] = d_logits.T @ pooled
        g["pbias"] = d_logits.sum(0)
        d_pooled = d_logits @ p["proj"]
        dh = np.zeros_like(h)
        dh[np.arange(N)[:, None], t_star, np.arange(Fn)[None, :]] = d_pooled
        dh[h <= 0] = 0
        dh_cols = dh.reshape(N * T, Fn)
        g["kernel"] = (dh_cols.T @ cols).reshape(Fn, D, k)
        g["kbias"] = dh_cols.sum(0)
        dcols = (dh_cols @ p["kernel"].reshape(Fn, D * k)).reshape(N, T, D, k)
        dx = np.zeros_like(x)
        for j in range(k):
            dx[:, j:j + T, :] += dcols[:, :, :, j]
        V = p["emb"].shape[0]
        onehot_tok = (X.reshape(-1)[:, None] == np.arange(V)[None, :]).astype(dx.dtype)
        g["emb"] = onehot_tok.T @ dx.reshape(N * L, D)

        self.step_count += 1
        t = self.step_count
        step_size = self.lr * math.sqrt(1 - self.b2 ** t) / (1 - self.b1 ** t)
        eps_hat = self.eps * math.sqrt(1 - self.b2 ** t)
        for name, w in p.items():
            m, v = self.state[name]
            m *= self.b1
            m += (1 - self.b1) * g[name]
            v *= self.b2
            v += (1 - self.b2) * g[name] ** 2
            w -= step_size * m / (np.sqrt(v) + eps_hat)
        return float(loss)
