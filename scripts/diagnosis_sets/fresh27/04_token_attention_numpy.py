"""Single-head self-attention regressor in NumPy, written from "Attention Is All You Need"
section 3.2.1: each example is a set of 4 token vectors of 3 features; queries, keys and
values are projections of width D = 4 (no biases), scores Q K^T / sqrt(D), a softmax over the
keys, the attended values averaged over the tokens and read out by a linear unit. Mean squared
error, Adam; the backward pass through the softmax is written with einsum.

    X: (n, 4, 3), y: (n, 1)
"""

import numpy as np

N_FEAT, D = 3, 4


class TokenAttention:
    def __init__(self, lr=0.02, betas=(0.9, 0.999), eps=1e-8, seed=4):
        rng = np.random.default_rng(seed)
        self.p = {
            "Wq": rng.normal(0.0, 0.6, (N_FEAT, D)),
            "Wk": rng.normal(0.0, 0.6, (N_FEAT, D)),
            "Wv": rng.normal(0.0, 0.6, (N_FEAT, D)),
            "Wo": rng.normal(0.0, 0.5, (D, 1)),
            "bo": np.zeros(1),
        }
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.t = 0

    def forward(self, X):
        p = self.p
        self.Q, self.K, self.V = X @ p["Wq"], X @ p["Wk"], X @ p["Wv"]
        S = np.einsum("ntd,nsd->nts", self.Q, self.K) / D ** 0.5
        S = S - S.max(axis=-1, keepdims=True)
        self.A = np.exp(S) / np.exp(S).sum(axis=-1, keepdims=True)
        self.O = np.einsum("nts,nsd->ntd", self.A, self.V)
        self.pooled = self.O.mean(axis=1)
        return self.pooled @ p["Wo"] + p["bo"]

    def train_step(self, X, y):
        p = self.p
        n, tokens, _ = X.shape
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / n
        g = {"Wo": self.pooled.T @ d_out, "bo": d_out.sum(axis=0)}
        dO = np.repeat((d_out @ p["Wo"].T)[:, None, :] / tokens, tokens, axis=1)
        dA = np.einsum("ntd,nsd->nts", dO, self.V)
        dV = np.einsum("nts,ntd->nsd", self.A, dO)
        dS = self.A * (dA - (dA * self.A).sum(axis=-1, keepdims=True))
        dQ = np.einsum("nts,nsd->ntd", dS, self.K) / D ** 0.5
        dK = np.einsum("nts,ntd->nsd", dS, self.Q) / D ** 0.5
        g["Wq"] = np.einsum("ntc,ntd->cd", X, dQ)
        g["Wk"] = np.einsum("ntc,ntd->cd", X, dK)
        g["Wv"] = np.einsum("ntc,ntd->cd", X, dV)
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
