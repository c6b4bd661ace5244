"""The tied GRU language model of tied_numpy.py, written another way: weights kept in torch's
(out, in) layout (Wx (3H, H), Wrz (2H, H), Wn (H, H)), the state update written as
h = n + z * (h - n), the cross-entropy gradient from the softmax with the target subtracted in
place, and Adam through bias-corrected m_hat, v_hat.
"""

import math

import numpy as np


class TiedGRU:
    names = ("emb", "Wx", "bx", "Wrz", "Wn", "bhn", "b_out")

    def __init__(self, vocab=16, hidden=12, lr=5e-3, betas=(0.9, 0.999), eps=1e-8,
                 max_norm=0.35, seed=1):
        rng = np.random.default_rng(seed)
        H = self.H = hidden
        self.V = vocab
        k = 1.0 / math.sqrt(hidden)
        self.emb = rng.normal(0.0, 0.5, (vocab, H))
        self.Wx = rng.uniform(-k, k, (H, 3 * H)).T.copy()
        self.bx = rng.uniform(-k, k, 3 * H)
        self.Wrz = rng.uniform(-k, k, (H, 2 * H)).T.copy()
        self.Wn = rng.uniform(-k, k, (H, H)).T.copy()
        self.bhn = rng.uniform(-k, k, H)
        self.b_out = np.zeros(vocab)
        self.lr, self.b1, self.b2, self.eps, self.max_norm = lr, betas[0], betas[1], eps, max_norm
        self.grads = {}
        self.m = {k_: np.zeros_like(getattr(self, k_)) for k_ in self.names}
        self.v = {k_: np.zeros_like(getattr(self, k_)) for k_ in self.names}
        self.n_steps = 0

    def _forward(self, X):
        H = self.H
        N, T = X.shape
        e = self.emb[X]
        h = np.zeros((N, H), dtype=e.dtype)
        hist = []
        for t in range(T):
            a = e[:, t] @ self.Wx.T + self.bx
            b = h @ self.Wrz.T
            r = 1.0 / (1.0 + np.exp(-(a[:, :H] + b[:, :H])))
            z = 1.0 / (1.0 + np.exp(-(a[:, H:2 * H] + b[:, H:])))
            c = h @ self.Wn.T + self.bhn
            n = np.tanh(a[:, 2 * H:] + r * c)
            hist.append((h, r, z, n, c))
            h = n + z * (h - n)
            hist[-1] += (h,)
        hseq = np.stack([s[-1] for s in hist], axis=1)
        return hseq @ self.emb.T + self.b_out, e, hist, hseq

    def loss(self, X, y):
        logits = self._forward(X)[0]
        lse = np.log(np.exp(logits - logits.max(-1, keepdims=True)).sum(-1)) + logits.max(-1)
        chosen = np.take_along_axis(logits, y[..., None], -1)[..., 0]
        return (lse - chosen).mean()

    def backward(self, X, y):
        H, V = self.H, self.V
        N, T = X.shape
        logits, e, hist, hseq = self._forward(X)
        lse = np.log(np.exp(logits - logits.max(-1, keepdims=True)).sum(-1)) + logits.max(-1)
        chosen = np.take_along_axis(logits, y[..., None], -1)[..., 0]
        loss = (lse - chosen).mean()

        d = np.exp(logits - lse[..., None])                # softmax
        ni, ti = np.meshgrid(np.arange(N), np.arange(T), indexing="ij")
        d[ni, ti, y] -= 1.0
        d /= N * T

        g = {k_: np.zeros_like(getattr(self, k_)) for k_ in self.names}
        g["emb"] += np.einsum("ntv,nth->vh", d, hseq)
        g["b_out"] += d.sum(axis=(0, 1))
        dhseq = d @ self.emb
        dh = np.zeros((N, H), dtype=d.dtype)
        for t in reversed(range(T)):
            hp, r, z, n, c, _ = hist[t]
            dh = dh + dhseq[:, t]
            dn = dh * (1.0 - z)
            dz = dh * (hp - n)
            dan = dn * (1.0 - n ** 2)
            dc = dan * r
            dar = dan * c * r * (1.0 - r)
            daz = dz * z * (1.0 - z)
            da = np.hstack([dar, daz, dan])
            db = np.hstack([dar, daz])
            g["Wx"] += da.T @ e[:, t]
            g["bx"] += da.sum(0)
            g["Wrz"] += db.T @ hp
            g["Wn"] += dc.T @ hp
            g["bhn"] += dc.sum(0)
            np.add.at(g["emb"], X[:, t], da @ self.Wx)
            dh = dh * z + db @ self.Wrz + dc @ self.Wn
        self.grads = g
        return loss

    def train_step(self, X, y):
        loss = self.backward(X, y)
        total = math.sqrt(sum(float((gr * gr).sum()) for gr in self.grads.values()))
        factor = min(1.0, self.max_norm / (total + 1e-6))
        self.grads = {k_: gr * factor for k_, gr in self.grads.items()}
        self.n_steps += 1
        for k_ in self.names:
            gr = self.grads[k_]
            self.m[k_] = self.b1 * self.m[k_] + (1 - self.b1) * gr
            self.v[k_] = self.b2 * self.v[k_] + (1 - self.b2) * gr ** 2
            m_hat = self.m[k_] / (1 - self.b1 ** self.n_steps)
            v_hat = self.v[k_] / (1 - self.b2 ** self.n_steps)
            w = getattr(self, k_)
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
