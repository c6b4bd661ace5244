"""A post-LN transformer encoder block as a sequence classifier, in NumPy (the original
"Attention Is All You Need" ordering, LayerNorm(x + Sublayer(x))): 4 frames of 4 features are
embedded to width 8 plus a learned position table, then

    x = LN1(x + MHA(x))          two heads of width 4, packed W_in (8, 24) + b_in, W_out + b_out
    x = LN2(x + FFN(x))          Linear(8, 16) -> ReLU -> Linear(16, 8)

and the first token's vector is read out by a linear classifier (BERT's first-token pooling).
Layer norms with a gain and a shift, eps 1e-5. Mean cross-entropy, heavy-ball momentum
(v = mu v + g; theta -= lr v).

    X: (n, 4, 4), y: one-hot (n, 3)
"""

import numpy as np

T, F_IN, D, H, FF, C = 4, 4, 8, 2, 16, 3
DH = D // H
EPS = 1e-5


class LayerNorm:
    """Normalises over the last axis; keeps what its backward needs."""

    def forward(self, x, gain, shift):
        mu = x.mean(axis=-1, keepdims=True)
        var = x.var(axis=-1, keepdims=True)
        self.rstd = 1.0 / np.sqrt(var + EPS)
        self.xhat = (x - mu) * self.rstd
        return self.xhat * gain + shift

    def backward(self, dy, gain):
        dxhat = dy * gain
        dx = self.rstd * (dxhat - dxhat.mean(axis=-1, keepdims=True)
                          - self.xhat * (dxhat * self.xhat).mean(axis=-1, keepdims=True))
        return dx, (dy * self.xhat).sum(axis=(0, 1)), dy.sum(axis=(0, 1))


class PostNormBlock:
    def __init__(self, lr=0.05, mu=0.9, seed=15):
        rng = np.random.default_rng(seed)
        s = 1.0 / np.sqrt(D)
        self.params = {
            "W_emb": rng.normal(0.0, 1.0 / np.sqrt(F_IN), (F_IN, D)), "b_emb": np.zeros(D),
            "P": rng.normal(0.0, 0.3, (T, D)),
            "g1": np.ones(D), "b1": np.zeros(D),
            "W_in": rng.normal(0.0, s, (D, 3 * D)), "b_in": np.zeros(3 * D),
            "W_out": rng.normal(0.0, s, (D, D)), "b_out": np.zeros(D),
            "g2": np.ones(D), "b2": np.zeros(D),
            "W1": rng.normal(0.0, s, (D, FF)), "c1": np.zeros(FF),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(FF), (FF, D)), "c2": np.zeros(D),
            "Wc": rng.normal(0.0, s, (D, C)), "bc": np.zeros(C),
        }
        self.ln1, self.ln2 = LayerNorm(), LayerNorm()
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def attention(self, a):
        p = self.params
        n = len(a)
        self.a = a
        qkv = (a @ p["W_in"] + p["b_in"]).reshape(n, T, 3, H, DH).transpose(2, 0, 3, 1, 4)
        self.q, self.k, self.v_ = qkv
        S = self.q @ self.k.transpose(0, 1, 3, 2) / DH ** 0.5
        e = np.exp(S - S.max(axis=-1, keepdims=True))
        self.A = e / e.sum(axis=-1, keepdims=True)
        self.cat = (self.A @ self.v_).transpose(0, 2, 1, 3).reshape(n, T, D)
        return self.cat @ p["W_out"] + p["b_out"]

    def attention_backward(self, dout, g):
        p = self.params
        n = len(dout)
        g["W_out"] = np.einsum("ntd,nte->de", self.cat, dout)
        g["b_out"] = dout.sum(axis=(0, 1))
        dcat = (dout @ p["W_out"].T).reshape(n, T, H, DH).transpose(0, 2, 1, 3)
        dA = dcat @ self.v_.transpose(0, 1, 3, 2)
        dv = self.A.transpose(0, 1, 3, 2) @ dcat
        dS = self.A * (dA - (dA * self.A).sum(axis=-1, keepdims=True)) / DH ** 0.5
        dq = dS @ self.k
        dk = dS.transpose(0, 1, 3, 2) @ self.q
        dqkv = np.stack([dq, dk, dv]).transpose(1, 3, 0, 2, 4).reshape(n, T, 3 * D)
        g["W_in"] = np.einsum("ntd,nte->de", self.a, dqkv)
        g["b_in"] = dqkv.sum(axis=(0, 1))
        return dqkv @ p["W_in"].T

    def forward(self, X):
        p = self.params
        self.X = X
        x0 = X @ p["W_emb"] + p["b_emb"] + p["P"]
        att = self.attention(x0)
        x1 = x0 + self.ln1.forward(att, p["g1"], p["b1"])   # fix: x1 = self.ln1.forward(x0 + att, p["g1"], p["b1"])
        self.x1 = x1
        self.z = x1 @ p["W1"] + p["c1"]
        self.r = np.maximum(self.z, 0.0)
        x2 = self.ln2.forward(x1 + self.r @ p["W2"] + p["c2"], p["g2"], p["b2"])
        self.pooled = x2[:, 0]
        return self.pooled @ p["Wc"] + p["bc"]

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        logits = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(probs), axis=1))

        dlogits = (probs - y) / n
        g = {"Wc": self.pooled.T @ dlogits, "bc": dlogits.sum(axis=0)}
        dx2 = np.zeros((n, T, D), dtype=dlogits.dtype)
        dx2[:, 0] = dlogits @ p["Wc"].T
        ds2, g["g2"], g["b2"] = self.ln2.backward(dx2, p["g2"])
        g["W2"] = np.einsum("ntf,ntd->fd", self.r, ds2)
        g["c2"] = ds2.sum(axis=(0, 1))
        dz = (ds2 @ p["W2"].T) * (self.z > 0)
        g["W1"] = np.einsum("ntd,ntf->df", self.x1, dz)
        g["c1"] = dz.sum(axis=(0, 1))
        dx1 = ds2 + dz @ p["W1"].T
        ds1, g["g1"], g["b1"] = self.ln1.backward(dx1, p["g1"])
        dx0 = ds1 + self.attention_backward(ds1, g)
        g["W_emb"] = np.einsum("ntf,ntd->fd", self.X, dx0)
        g["b_emb"] = dx0.sum(axis=(0, 1))
        g["P"] = dx0.sum(axis=0)
        self.grads = g

        for k in p:
            self.velocity[k] = self.mu * self.velocity[k] + g[k]
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
