"""Batch-normalised classifier in NumPy:

    X (n, 6) -> W1 (no bias) -> batch norm (gamma, beta) -> ReLU -> W2, b2 -> ReLU -> W3, b3 -> softmax

Batch norm in training mode only (the statistics of the batch, biased variance, eps 1e-5).
Mean cross-entropy, heavy-ball momentum 0.9 at lr 0.1.
"""

import numpy as np

BN_EPS = 1e-5


class BatchNormClassifier:
    def __init__(self, n_in=6, hidden=12, classes=3, lr=0.1, mu=0.9, seed=6):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden))
        self.gamma = np.ones(hidden)
        self.beta = np.zeros(hidden)
        self.W2 = rng.normal(0.0, np.sqrt(2.0 / hidden), (hidden, hidden))
        self.b2 = np.zeros(hidden)
        self.W3 = rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, classes))
        self.b3 = np.zeros(classes)
        self.keys = ("W1", "gamma", "beta", "W2", "b2", "W3", "b3")
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.keys}

    def forward(self, X):
        z1 = X @ self.W1
        mean, var = z1.mean(axis=0), z1.var(axis=0)
        self.rstd = 1.0 / np.sqrt(var + BN_EPS)
        self.xhat = (z1 - mean) * self.rstd
        self.s1 = self.gamma * self.xhat + self.beta
        self.a1 = np.maximum(self.s1, 0.0)
        self.z2 = self.a1 @ self.W2 + self.b2
        self.a2 = np.maximum(self.z2, 0.0)
        logits = self.a2 @ self.W3 + self.b3
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        self.probs = e / e.sum(axis=1, keepdims=True)
        return self.probs

    def loss(self, X, y):
        return float(-np.mean(np.sum(y * np.log(self.forward(X)), axis=1)))

    def train_step(self, X, y):
        n = len(X)
        probs = self.forward(X)
        loss = -np.mean(np.sum(y * np.log(probs), axis=1))
        g = {}
        d3 = (probs - y) / n
        g["W3"], g["b3"] = self.a2.T @ d3, d3.sum(axis=0)
        d2 = (d3 @ self.W3.T) * (self.z2 > 0)
        g["W2"], g["b2"] = self.a1.T @ d2, d2.sum(axis=0)
        ds = (d2 @ self.W2.T) * (self.s1 > 0)
        g["gamma"], g["beta"] = (ds * self.xhat).sum(axis=0), ds.sum(axis=0)
        dxhat = ds * self.gamma
        dz1 = self.rstd * (dxhat - dxhat.mean(axis=0) - self.xhat * (dxhat * self.xhat).mean(axis=0))
        g["W1"] = X.T @ dz1
        self.grads = g
        for k in self.keys:
            self.velocity[k] = self.mu * self.velocity[k] + g[k]
            getattr(self, k)[...] -= self.lr * self.velocity[k]
        return float(loss)
