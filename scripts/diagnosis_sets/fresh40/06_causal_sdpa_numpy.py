"""Causal two-head attention regressor in NumPy, laid out like torch.nn.MultiheadAttention: the
3 input features of each position embedded to width 8 plus the sinusoidal positional encoding,
one packed projection W_in (8, 24) with bias b_in whose columns are [queries | keys | values],
two heads of width 4, scores q k^T / sqrt(4) with the future positions at -inf, a softmax over
the keys, the heads concatenated and projected by W_out (+ b_out), a residual connection and a
linear read-out at every position. Mean squared error, plain gradient descent.

    X: (n, 5, 3), y: (n, 5, 1)
"""

import numpy as np

T, F_IN, D, H = 5, 3, 8, 2
DH = D // H


def sinusoidal_encoding(length, d):
    pos = np.arange(length)[:, None]
    div = 10000.0 ** (np.arange(0, d, 2) / d)
    pe = np.zeros((length, d))
    pe[:, 0::2] = np.sin(pos / div)
    pe[:, 1::2] = np.cos(pos / div)
    return pe


class CausalMHA:
    def __init__(self, lr=0.05, seed=5):
        rng = np.random.default_rng(seed)
        s = 1.0 / np.sqrt(D)
        self.params = {
            "W_emb": rng.normal(0.0, 1.0 / np.sqrt(F_IN), (F_IN, D)),
            "b_emb": np.zeros(D),
            "W_in": rng.normal(0.0, s, (D, 3 * D)),
            "b_in": np.zeros(3 * D),
            "W_out": rng.normal(0.0, s, (D, D)),
            "b_out": np.zeros(D),
            "Wr": rng.normal(0.0, s, (D, 1)),
            "br": np.zeros(1),
        }
        self.pe = sinusoidal_encoding(T, D)
        self.allowed = np.tril(np.ones((T, T), dtype=bool))
        self.lr = lr

    def forward(self, X):
        p = self.params
        n = len(X)
        self.X = X
        self.x = X @ p["W_emb"] + p["b_emb"] + self.pe
        qkv = (self.x @ p["W_in"] + p["b_in"]).reshape(n, T, 3, H, DH)
        self.q, self.k, self.v = (qkv[:, :, j].transpose(0, 2, 1, 3) for j in range(3))   # (n, H, T, DH) each
        S = self.q @ self.k.transpose(0, 1, 3, 2) / DH ** 0.5
        S = np.where(self.allowed, S, -np.inf)
        e = np.exp(S - S.max(axis=-1, keepdims=True))
        self.A = e / e.sum(axis=-1, keepdims=True)
        self.cat = (self.A @ self.v).transpose(0, 2, 1, 3).reshape(n, T, D)
        self.h = self.x + self.cat @ p["W_out"] + p["b_out"]
        return self.h @ p["Wr"] + p["br"]

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        g = {"Wr": np.einsum("ntd,nto->do", self.h, d_out), "br": d_out.sum(axis=(0, 1))}
        dh = d_out @ p["Wr"].T
        g["W_out"] = np.einsum("ntd,nte->de", self.cat, dh)
        g["b_out"] = dh.sum(axis=(0, 1))
        dcat = (dh @ p["W_out"].T).reshape(n, T, H, DH).transpose(0, 2, 1, 3)
        dA = dcat @ self.v.transpose(0, 1, 3, 2)
        dv = self.A.transpose(0, 1, 3, 2) @ dcat
        dS = self.A * (dA - (dA * self.A).sum(axis=-1, keepdims=True)) / DH ** 0.5
        dq = dS @ self.k
        dk = dS.transpose(0, 1, 3, 2) @ self.q
        dqkv = np.stack([t.transpose(0, 2, 1, 3) for t in (dq, dk, dv)], axis=2).reshape(n, T, 3 * D)
        g["W_in"] = np.einsum("ntd,nte->de", self.x, dqkv)
        g["b_in"] = dqkv.sum(axis=(0, 1))
        dx = dh + dqkv @ p["W_in"].T
        g["W_emb"] = np.einsum("ntf,ntd->fd", self.X, dx)
        g["b_emb"] = dx.sum(axis=(0, 1))
        self.grads = g

        for k in p:
            p[k] -= self.lr * g[k]
        return float(loss)
