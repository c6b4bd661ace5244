"""Robust regression with Tukey's biweight loss, from scratch in NumPy.

    a = relu(X @ W + b)              W (3, 10), b (10,)
    yhat = a @ v + c0                v (10,), c0 (1,)   (one output, kept as a vector and a 1-vector)
    r = yhat - y                     y (N,)
    rho(r) = c^2 / 6 * (1 - (1 - (r / c)^2)^3)   if |r| <= c,   c^2 / 6 otherwise,   c 3.0
    L = mean rho(r)

psi(r) = rho'(r) = r (1 - (r / c)^2)^2 inside, 0 outside: gross outliers give no gradient.
Plain SGD, lr 0.1.
"""

import numpy as np


class TukeyRegressor:
    def __init__(self, n_in=3, hidden=10, c=3.0, lr=0.1, seed=4):
        rng = np.random.default_rng(seed)
        self.W = rng.normal(0, np.sqrt(2.0 / n_in), (n_in, hidden))
        self.b = np.full(hidden, 0.1)
        self.v = rng.normal(0, np.sqrt(1.0 / hidden), hidden)
        self.c0 = np.zeros(1)
        self.c = c
        self.lr = lr
        self.grads = {}

    def forward(self, X):
        self.X = X
        self.z = X @ self.W + self.b
        self.a = np.maximum(self.z, 0.0)
        return self.a @ self.v + self.c0

    def loss(self, X, y):
        r = self.forward(X) - y
        c = self.c
        inside = np.abs(r) <= c
        rho = np.where(inside, c ** 2 / 6 * (1 - (1 - (r / c) ** 2) ** 3), c ** 2 / 6)
        return rho.mean()

    def backward(self, y):
        r = self.a @ self.v + self.c0 - y
        c = self.c
        inside = np.abs(r) <= c
        psi = np.where(inside, r * (1 - (r / c) ** 2), 0.0)
        dy = psi / len(y)
        self.grads["v"] = self.a.T @ dy
        self.grads["c0"] = np.array([dy.sum()], dtype=dy.dtype)
        dz = np.outer(dy, self.v) * (self.z > 0)
        self.grads["W"] = self.X.T @ dz
        self.grads["b"] = dz.sum(axis=0)

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.backward(y)
        for name in ("W", "b", "v", "c0"):
            getattr(self, name)[...] -= self.lr * self.grads[name]
        return loss
