"""NumPy program with one bug (UP15): Adam eps added inside the square root.

A two-head self-attention classifier with a CLS readout and a key padding mask, in NumPy.

x = tok[X] + pos -> packed input projection x W_in + b_in split into q, k, v (columns 0:d, d:2d,
2d:3d, as nn.MultiheadAttention packs them) -> two heads of scaled dot-product attention
(head size d/2) whose keys at padding positions (token id 0) are masked out -> heads
concatenated -> output projection -> residual -> the CLS position (0) -> linear classifier ->
softmax cross-entropy (batch mean). Adam with a linear warm-up of the learning rate.

Parameters (self.params): tok (vocab, d), pos (T, d), W_in (d, 3d), b_in (3d,), W_out (d, d),
b_out (d,), W_cls (d, classes), b_cls (classes,); all weights kept (in, out).
"""

import math

import numpy as np

NEG = -1e9


class TwoHeadCLS:
    def __init__(self, vocab=12, seq_len=8, d_model=16, n_heads=2, n_classes=3, lr=1e-2,
                 warmup=5, betas=(0.9, 0.999), eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        d = d_model
        self.d, self.h = d, n_heads
        self.dh = d // n_heads
        self.params = {
            "tok": rng.normal(0.0, 0.5, (vocab, d)),
            "pos": rng.normal(0.0, 0.1, (seq_len, d)),
            "W_in": rng.normal(0.0, 1.0 / math.sqrt(d), (d, 3 * d)),
            "b_in": rng.normal(0.0, 0.02, 3 * d),
            "W_out": rng.normal(0.0, 1.0 / math.sqrt(d), (d, d)),
            "b_out": np.zeros(d),
            "W_cls": rng.normal(0.0, 1.0 / math.sqrt(d), (d, n_classes)),
            "b_cls": np.zeros(n_classes),
        }
        self.grads = {}
        self.m = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.v = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.base_lr, self.warmup = lr, warmup
        self.b1, self.b2 = betas
        self.eps = eps
        self.step_count = 0

    def _split(self, t):                     # (N, T, d) -> (N, H, T, dh)
        N, T, _ = t.shape
        return t.reshape(N, T, self.h, self.dh).transpose(0, 2, 1, 3)

    def _merge(self, t):                     # (N, H, T, dh) -> (N, T, d)
        N, H, T, dh = t.shape
        return t.transpose(0, 2, 1, 3).reshape(N, T, H * dh)

    def _forward(self, X):
        p = self.params
        d = self.d
        x = p["tok"][X] + p["pos"]
        qkv = x @ p["W_in"] + p["b_in"]
        q, k, v = (self._split(qkv[..., i * d:(i + 1) * d]) for i in range(3))
        s = q @ k.transpose(0, 1, 3, 2) / math.sqrt(self.dh)       # (N, H, Tq, Tk)
        pad = (X == 0)[:, None, None, :]
        s = np.where(pad, np.asarray(NEG, dtype=s.dtype), s)
        s = s - s.max(axis=-1, keepdims=True)
        a = np.exp(s)
        a /= a.sum(axis=-1, keepdims=True)
        ctx = self._merge(a @ v)
        h = x + ctx @ p["W_out"] + p["b_out"]
        cls = h[:, 0, :]
        logits = cls @ p["W_cls"] + p["b_cls"]
        return logits, (x, q, k, v, a, ctx, cls)

    def forward(self, X):
        return self._forward(X)[0]

    def _ce(self, logits, y):
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean(), np.exp(logp)

    def loss(self, X, y):
        return self._ce(self.forward(X), y)[0]

    def backward(self, X, y):
        p = self.params
        N, T = X.shape
        d = self.d
        logits, (x, q, k, v, a, ctx, cls) = self._forward(X)
        loss, probs = self._ce(logits, y)
        g = {}

        dz = probs
        dz[np.arange(N), y] -= 1
        dz /= N
        g["W_cls"] = cls.T @ dz
        g["b_cls"] = dz.sum(axis=0)
        dh = np.zeros_like(x)
        dh[:, 0, :] = dz @ p["W_cls"].T
        dx = dh.copy()                                   # residual
        g["W_out"] = ctx.reshape(-1, d).T @ dh.reshape(-1, d)
        g["b_out"] = dh.sum(axis=(0, 1))
        dctx = self._split(dh @ p["W_out"].T)            # (N, H, T, dh)
        da = dctx @ v.transpose(0, 1, 3, 2)
        dv = a.transpose(0, 1, 3, 2) @ dctx
        ds = a * (da - (da * a).sum(axis=-1, keepdims=True)) / math.sqrt(self.dh)
        dq = ds @ k
        dk = ds.transpose(0, 1, 3, 2) @ q
        dqkv = np.concatenate([self._merge(dq), self._merge(dk), self._merge(dv)], axis=-1)
        g["W_in"] = x.reshape(-1, d).T @ dqkv.reshape(-1, 3 * d)
        g["b_in"] = dqkv.sum(axis=(0, 1))
        dx += dqkv @ p["W_in"].T
        g["pos"] = dx.sum(axis=0)
        g["tok"] = np.zeros_like(p["tok"])
        np.add.at(g["tok"], X, dx)
        self.grads = g
        return loss

    def adam_step(self):
        self.step_count += 1
        t = self.step_count
        lr = self.base_lr * min(1.0, t / self.warmup)
        bc1 = 1.0 - self.b1 ** t
        bc2 = 1.0 - self.b2 ** t
        for name, w in self.params.items():
            g = self.grads[name]
            self.m[name] = self.b1 * self.m[name] + (1.0 - self.b1) * g
            self.v[name] = self.b2 * self.v[name] + (1.0 - self.b2) * g ** 2
            w -= (lr / bc1) * self.m[name] / np.sqrt(self.v[name] / bc2 + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam_step()
        return float(loss)
