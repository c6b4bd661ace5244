"""Three-layer classifier with batch normalisation after the first layer, NumPy:

    5 -> Linear(8, no bias) -> BatchNorm(gamma, beta, eps 1e-5, batch statistics)
      -> tanh -> Linear(8) -> tanh -> Linear(3) -> softmax

Mean cross-entropy, SGD with momentum 0.9 at lr 0.05, mini-batches.
"""

import numpy as np


class BatchNormMLP:
    def __init__(self, n_in=5, hidden=8, classes=3, lr=0.05, mu=0.9, eps=1e-5, seed=4):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.gamma = np.ones(hidden)
        self.beta = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, hidden))
        self.b2 = np.zeros(hidden)
        self.W3 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, classes))
        self.b3 = np.zeros(classes)
        self.eps, self.lr, self.mu = eps, lr, mu
        self.names = ("W1", "gamma", "beta", "W2", "b2", "W3", "b3")
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    def forward(self, X):
        z = X @ self.W1
        mean, var = z.mean(axis=0), z.var(axis=0)
        self.inv_std = 1.0 / np.sqrt(var + self.eps)
        self.zhat = (z - mean) * self.inv_std
        self.h1 = np.tanh(self.gamma * self.zhat + self.beta)
        self.h2 = np.tanh(self.h1 @ self.W2 + self.b2)
        logits = self.h2 @ self.W3 + self.b3
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        return float(-np.mean(np.log(np.sum(self.forward(X) * y, axis=1))))

    def train_step(self, X, y):
        n = len(X)
        p = self.forward(X)
        loss = -np.mean(np.log(np.sum(p * y, axis=1)))
        g = {}
        d3 = (p - y) / n
        g["W3"], g["b3"] = self.h2.T @ d3, d3.sum(axis=0)
        d2 = (d3 @ self.W3.T) * (1 - self.h2 ** 2)
        g["W2"], g["b2"] = self.h1.T @ d2, d2.sum(axis=0)
        d1 = (d2 @ self.W2.T) * (1 - self.h1 ** 2)
        g["gamma"], g["beta"] = (d1 * self.zhat).sum(axis=0), d1.sum(axis=0)
        dzhat = d1 * self.gamma
        dz = self.inv_std * (dzhat - dzhat.mean(axis=0) - self.zhat * (dzhat * self.zhat).mean(axis=0))
        g["W1"] = X.T @ dz
        self.grads = g
        for k in self.names:
            self.velocity[k] = self.mu * self.velocity[k] + g[k]
            getattr(self, k)[...] -= self.lr * self.velocity[k]
        return float(loss)
