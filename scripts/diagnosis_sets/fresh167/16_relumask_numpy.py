"""(fresh167 UK16)

SimCLR-style contrastive encoder with the NT-Xent loss, from scratch in NumPy.

X (N, 2, 6) holds two views of N points; y (N,) the pair ids 0..N-1. Both views go through
one shared encoder: x (6) -> ReLU hidden (16) -> linear (8) -> L2 normalised z. With the
2N embeddings stacked (view 0 rows first), the similarity matrix S = Z Z^T / tau has its
diagonal masked out, and row i's positive is its other view (i + N, or i - N):

    loss = mean over the 2N rows of cross-entropy(S[i], positive(i)),  tau = 0.25

Adam (lr 0.01, betas 0.9 / 0.999, eps 1e-8, bias-corrected), as torch.optim.Adam.
"""

import math

import numpy as np


class NTXentNet:
    def __init__(self, n_in=6, hidden=16, n_emb=8, tau=0.25, lr=0.01, betas=(0.9, 0.999),
                 eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) * math.sqrt(2.0 / n_in),
            "b1": 0.05 * rng.standard_normal(hidden),
            "W2": rng.standard_normal((hidden, n_emb)) / math.sqrt(hidden),
            "b2": 0.05 * rng.standard_normal(n_emb),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.tau = tau
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps

    def _forward(self, X, y):
        p = self.params
        N = X.shape[0]
        Xc = np.concatenate([X[:, 0], X[:, 1]], axis=0)          # (2N, n_in)
        a1 = Xc @ p["W1"] + p["b1"]
        h = np.maximum(a1, 0)
        u = h @ p["W2"] + p["b2"]
        r = np.sqrt(np.sum(u ** 2, axis=1, keepdims=True))
        z = u / r
        S = (z @ z.T) / self.tau
        np.fill_diagonal(S, -np.inf)
        target = np.concatenate([y + N, y])
        shifted = S - S.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(2 * N), target].mean()
        return loss, (Xc, a1, h, r, z, logp, target)

    def loss(self, X, y):
        return self._forward(X, y)[0]

    def backward(self, X, y):
        p = self.params
        loss, (Xc, a1, h, r, z, logp, target) = self._forward(X, y)
        M = Xc.shape[0]
        dS = np.exp(logp)                                         # softmax, 0 on the diagonal
        dS[np.arange(M), target] -= 1
        dS /= M
        dz = (dS + dS.T) @ z / self.tau
        du = (dz - z * np.sum(z * dz, axis=1, keepdims=True)) / r
        self.grads["W2"] = h.T @ du
        self.grads["b2"] = du.sum(axis=0)
        da1 = (du @ p["W2"].T) * (h >= 0)
        self.grads["W1"] = Xc.T @ da1
        self.grads["b1"] = da1.sum(axis=0)
        return loss

    def adam(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, w in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)
