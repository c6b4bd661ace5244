"""Poisson regression MLP with a log link and an exposure offset, from scratch in NumPy.

    X: (N, 6): five features, then the exposure in the last column; y: (N,) counts.
    eta = tanh(x W1 + b1) W2 + b2 + log(exposure),  mu = exp(eta)
    loss = mean(mu - y * eta)          (Poisson NLL without the log(y!) constant)

Trained with Adam written by hand (lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected).
Parameters are attributes: W1 (5, 24), b1 (24,), W2 (24, 1), b2 (1,).
"""

import math

import numpy as np


class PoissonMLP:
    def __init__(self, n_features=5, hidden=24, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.standard_normal((n_features, hidden)) / math.sqrt(n_features)
        self.b1 = np.zeros(hidden)
        self.W2 = rng.standard_normal((hidden, 1)) * 0.1
        self.b2 = np.zeros(1)
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.names = ["W1", "b1", "W2", "b2"]
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0
        self.grads = {}

    def forward(self, X):
        x = X[:, :-1]
        offset = np.log(X[:, -1])
        z1 = x @ self.W1 + self.b1
        h = np.tanh(z1)
        eta = (h @ self.W2 + self.b2)[:, 0] + offset
        self.cache = (x, z1, h)
        return eta

    def loss(self, X, y):
        eta = self.forward(X)
        return np.mean(np.exp(eta) - y * eta)

    def backward(self, X, y):
        N = X.shape[0]
        eta = self.forward(X)
        x, z1, h = self.cache
        mu = np.exp(eta)
        loss = np.mean(mu - y * eta)
        deta = (mu - y) / N                        # (N,)
        dout = deta[:, None]                       # (N, 1)
        self.grads["W2"] = h.T @ dout
        self.grads["b2"] = dout.sum(axis=0)
        dh = dout @ self.W2.T
        dz1 = dh * (1 - h ** 2)
        self.grads["W1"] = x.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def adam(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k in self.names:
            p, g = getattr(self, k), self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            p -= (self.lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)
