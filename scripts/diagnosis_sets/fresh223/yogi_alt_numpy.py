"""yogi_numpy.py written another way: parameters as attributes, the moments updated in place,
the Yogi second moment written as v += (1 - b2) sign(g^2 - v) g^2, and the bias corrections
folded into the step size and eps (lr sqrt(1 - b2^t) / (1 - b1^t), eps sqrt(1 - b2^t))."""

import math

import numpy as np


class YogiRegressor:
    def __init__(self, n_in=6, n_hidden=16, lr=0.02, b1=0.9, b2=0.999, eps=1e-3, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_hidden))
        self.b1 = rng.normal(0.0, 0.1, n_hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(n_hidden), (n_hidden, 1))
        self.b2 = np.zeros(1)
        self.lr, self.beta1, self.beta2, self.eps = lr, b1, b2, eps
        self.names = ["W1", "b1", "W2", "b2"]
        self.m = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.v = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.t = 0

    def loss(self, X, y):
        out = np.tanh(X @ self.W1 + self.b1) @ self.W2 + self.b2
        return np.mean((out - y) ** 2)

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        r = out - y
        loss = np.mean(r * r)
        g_out = r * (2.0 / r.size)
        dpre = (g_out @ self.W2.T) * (1.0 - h * h)
        grads = {"W2": h.T @ g_out, "b2": g_out.sum(axis=0), "W1": X.T @ dpre, "b1": dpre.sum(axis=0)}

        self.t += 1
        root_bc2 = math.sqrt(1.0 - self.beta2 ** self.t)
        step_size = self.lr * root_bc2 / (1.0 - self.beta1 ** self.t)
        for n in self.names:
            g, m, v = grads[n], self.m[n], self.v[n]
            m *= self.beta1
            m += (1.0 - self.beta1) * g
            g2 = g * g
            v += (1.0 - self.beta2) * np.sign(g2 - v) * g2
            p = getattr(self, n)
            p -= step_size * m / (np.sqrt(v) + self.eps * root_bc2)
        return float(loss)
