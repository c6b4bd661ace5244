"""NumPy program with one bug (UP10): positional-embedding gradient averaged over the batch.

A single-head self-attention classifier, from scratch in NumPy.

Token embeddings E plus learned positional embeddings P -> one head of scaled dot-product
self-attention (q = x Wq, k = x Wk, v = x Wv, softmax(q k^T / sqrt(d)) v) with a residual
connection -> mean over the sequence -> linear readout -> softmax cross-entropy (batch mean).
Trained with AdamW (decoupled weight decay) under a linear learning-rate warm-up.

    X: int64 (N, T) token ids, y: int64 (N,) class ids.

Parameters (self.params): E (vocab, d), P (T, d), Wq, Wk, Wv (d, d) kept (in, out),
Wo (d, classes), bo (classes,). Gradients in self.grads, Adam moments in self.m, self.v.
The t-th update (t = 1, 2, ...) uses lr * min(1, t / warmup).
"""

import math

import numpy as np


class AttnClassifier:
    def __init__(self, vocab=10, seq_len=6, d_model=16, n_classes=3, lr=1e-2, warmup=8,
                 betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01, seed=0):
        rng = np.random.default_rng(seed)
        d = d_model
        self.d = d
        self.params = {
            "E": rng.standard_normal((vocab, d)) * 0.5,
            "P": rng.standard_normal((seq_len, d)) * 0.1,
            "Wq": rng.standard_normal((d, d)) / math.sqrt(d),
            "Wk": rng.standard_normal((d, d)) / math.sqrt(d),
            "Wv": rng.standard_normal((d, d)) / math.sqrt(d),
            "Wo": rng.standard_normal((d, n_classes)) / math.sqrt(d),
            "bo": np.zeros(n_classes),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.warmup = warmup
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.t = 0

    # ------------------------------------------------------------------ forward
    @staticmethod
    def _softmax(s):
        s = s - s.max(axis=-1, keepdims=True)
        e = np.exp(s)
        return e / e.sum(axis=-1, keepdims=True)

    def _forward(self, X):
        p = self.params
        x = p["E"][X] + p["P"][None, :, :]                  # (N, T, d)
        q = x @ p["Wq"]
        k = x @ p["Wk"]
        v = x @ p["Wv"]
        scale = 1.0 / math.sqrt(self.d)
        a = self._softmax((q @ k.transpose(0, 2, 1)) * scale)   # (N, T, T), rows: queries
        h = x + a @ v                                        # residual
        pooled = h.mean(axis=1)                              # (N, d)
        logits = pooled @ p["Wo"] + p["bo"]
        return logits, (x, q, k, v, a, pooled)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _cross_entropy(logits, y):
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean(), np.exp(logp)

    def loss(self, X, y):
        return self._cross_entropy(self.forward(X), y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p, g = self.params, self.grads
        N, T = X.shape
        d = self.d
        logits, (x, q, k, v, a, pooled) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        g["Wo"] = pooled.T @ dlogits
        g["bo"] = dlogits.sum(axis=0)
        dpooled = dlogits @ p["Wo"].T                        # (N, d)
        dh = np.repeat(dpooled[:, None, :], T, axis=1) / T   # mean over T
        dx = dh.copy()                                       # residual branch
        dctx = dh
        da = dctx @ v.transpose(0, 2, 1)                     # (N, T, T)
        dv = a.transpose(0, 2, 1) @ dctx
        ds = a * (da - (da * a).sum(axis=-1, keepdims=True))
        ds *= 1.0 / math.sqrt(d)
        dq = ds @ k
        dk = ds.transpose(0, 2, 1) @ q
        xf = x.reshape(-1, d)
        g["Wq"] = xf.T @ dq.reshape(-1, d)
        g["Wk"] = xf.T @ dk.reshape(-1, d)
        g["Wv"] = xf.T @ dv.reshape(-1, d)
        dx += dq @ p["Wq"].T + dk @ p["Wk"].T + dv @ p["Wv"].T
        g["P"] = dx.mean(axis=0)
        dE = np.zeros_like(p["E"])
        np.add.at(dE, X, dx)
        g["E"] = dE
        return loss

    # ---------------------------------------------------------------- optimizer
    def learning_rate(self, t):
        return self.lr * min(1.0, t / self.warmup)

    def update(self):
        self.t += 1
        lr = self.learning_rate(self.t)
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for name, w in self.params.items():
            grad = self.grads[name]
            w *= 1 - lr * self.weight_decay
            self.m[name] = self.beta1 * self.m[name] + (1 - self.beta1) * grad
            self.v[name] = self.beta2 * self.v[name] + (1 - self.beta2) * grad * grad
            denom = np.sqrt(self.v[name]) / math.sqrt(bc2) + self.eps
            w -= (lr / bc1) * self.m[name] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
