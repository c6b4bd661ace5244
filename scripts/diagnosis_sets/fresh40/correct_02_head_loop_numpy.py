"""Causal two-head attention regressor in NumPy with the heads in a Python loop over column
slices of one packed (8, 24) projection (no biases), the future scores set to -inf through
np.triu_indices, the softmax taken in log space with np.logaddexp.reduce, the sinusoidal encoding
built with np.outer and interleaved by strided assignment, and AdamW by hand (weight decay 0.01
decoupled from the moments, applied to every parameter). Mean squared error over all positions.

    X: (n, 5, 3), y: (n, 5, 1)
"""

import numpy as np

T, F_IN, D, H = 5, 3, 8, 2
DH = D // H


class HeadLoopRegressor:
    def __init__(self, lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01, seed=22):
        rng = np.random.default_rng(seed)
        self.params = {
            "W_emb": rng.normal(0.0, 0.5, (F_IN, D)), "b_emb": np.zeros(D),
            "W_qkv": rng.normal(0.0, 0.35, (D, 3 * D)),
            "W_o": rng.normal(0.0, 0.35, (D, D)), "b_o": np.zeros(D),
            "W_r": rng.normal(0.0, 0.35, (D, 1)), "b_r": np.zeros(1),
        }
        angles = np.outer(np.arange(T), 1.0 / 10000.0 ** (np.arange(0, D, 2) / D))
        self.pe = np.empty((T, D))
        self.pe[:, ::2], self.pe[:, 1::2] = np.sin(angles), np.cos(angles)
        self.future = np.triu_indices(T, k=1)
        self.lr, self.betas, self.eps, self.wd = lr, betas, eps, weight_decay
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.steps = 0

    def train_step(self, X, y):
        p = self.params
        x = X @ p["W_emb"] + p["b_emb"] + self.pe
        Q, K, V = np.split(x @ p["W_qkv"], 3, axis=-1)
        ctx = np.empty_like(Q)
        probs = []
        for h in range(H):
            cols = slice(h * DH, (h + 1) * DH)
            S = Q[..., cols] @ K[..., cols].transpose(0, 2, 1) / DH ** 0.5
            S[:, self.future[0], self.future[1]] = -np.inf
            A = np.exp(S - np.logaddexp.reduce(S, axis=-1, keepdims=True))
            ctx[..., cols] = A @ V[..., cols]
            probs.append(A)
        hid = x + ctx @ p["W_o"] + p["b_o"]
        out = hid @ p["W_r"] + p["b_r"]
        err = out - y
        loss = float((err ** 2).mean())

        g = {}
        d_out = 2.0 * err / err.size
        g["W_r"], g["b_r"] = hid.reshape(-1, D).T @ d_out.reshape(-1, 1), d_out.sum(axis=(0, 1))
        d_hid = d_out @ p["W_r"].T
        g["W_o"], g["b_o"] = ctx.reshape(-1, D).T @ d_hid.reshape(-1, D), d_hid.sum(axis=(0, 1))
        d_ctx = d_hid @ p["W_o"].T
        dQ, dK, dV = np.zeros_like(Q), np.zeros_like(K), np.zeros_like(V)
        for h, A in enumerate(probs):
            cols = slice(h * DH, (h + 1) * DH)
            dA = d_ctx[..., cols] @ V[..., cols].transpose(0, 2, 1)
            dV[..., cols] = A.transpose(0, 2, 1) @ d_ctx[..., cols]
            dS = A * (dA - (A * dA).sum(axis=-1, keepdims=True)) / DH ** 0.5
            dQ[..., cols] = dS @ K[..., cols]
            dK[..., cols] = dS.transpose(0, 2, 1) @ Q[..., cols]
        d_qkv = np.concatenate([dQ, dK, dV], axis=-1)
        g["W_qkv"] = x.reshape(-1, D).T @ d_qkv.reshape(-1, 3 * D)
        dx = d_hid + d_qkv @ p["W_qkv"].T
        g["W_emb"], g["b_emb"] = X.reshape(-1, F_IN).T @ dx.reshape(-1, D), dx.sum(axis=(0, 1))
        self.grads = g

        self.steps += 1
        b1, b2 = self.betas
        for k in p:
            p[k] *= 1.0 - self.lr * self.wd
            self.m[k] = b1 * self.m[k] + (1.0 - b1) * g[k]
            self.v[k] = b2 * self.v[k] + (1.0 - b2) * g[k] * g[k]
            step_size = self.lr / (1.0 - b1 ** self.steps)
            denom = np.sqrt(self.v[k]) / (1.0 - b2 ** self.steps) ** 0.5 + self.eps
            p[k] -= step_size * self.m[k] / denom
        return loss
