"""Batch norm before a tanh layer, NumPy:

    X (n, 6) -> W1 (no bias) -> batch norm (gamma, beta; batch statistics, eps 1e-5) -> tanh -> W2, b2 -> softmax

Mean cross-entropy, Nesterov momentum in torch's form (v = mu v + g; theta -= lr (g + mu v)).
"""

import numpy as np


class BatchNormTanhNet:
    def __init__(self, n_in=6, hidden=10, classes=3, lr=0.1, mu=0.9, eps=1e-5, seed=13):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.gamma = np.ones(hidden)
        self.beta = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, classes))
        self.b2 = np.zeros(classes)
        self.bn_eps = eps
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "gamma", "beta", "W2", "b2")}

    def forward(self, X):
        self.z1 = X @ self.W1
        self.mean = self.z1.mean(axis=0)
        self.var = self.z1.var(axis=0)
        self.xhat = (self.z1 - self.mean) / np.sqrt(self.var + self.bn_eps)
        self.a1 = np.tanh(self.gamma * self.xhat + self.beta)
        logits = self.a1 @ self.W2 + self.b2
        logits = logits - logits.max(axis=1, keepdims=True)
        self.probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        return self.probs

    def loss(self, X, y):
        return float(-np.sum(y * np.log(self.forward(X))) / len(X))

    def train_step(self, X, y):
        n = len(X)
        probs = self.forward(X)
        loss = -np.sum(y * np.log(probs)) / n
        d2 = (probs - y) / n
        grads = {"W2": self.a1.T @ d2, "b2": d2.sum(axis=0)}
        ds = (d2 @ self.W2.T) * (1.0 - self.a1 ** 2)
        grads["gamma"] = (ds * self.z1).sum(axis=0)   # BUG: grads["gamma"] = (ds * self.xhat).sum(axis=0)
        grads["beta"] = ds.sum(axis=0)
        dxhat = ds * self.gamma
        inv_std = 1.0 / np.sqrt(self.var + self.bn_eps)
        dz1 = inv_std / n * (n * dxhat - dxhat.sum(axis=0) - self.xhat * (dxhat * self.xhat).sum(axis=0))
        grads["W1"] = X.T @ dz1
        self.grads = grads
        for k, g in grads.items():
            v = self.velocity[k] = self.mu * self.velocity[k] + g
            getattr(self, k)[...] -= self.lr * (g + self.mu * v)
        return float(loss)
