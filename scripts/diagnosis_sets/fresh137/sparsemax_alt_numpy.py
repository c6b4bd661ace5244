"""The sparsemax network of sparsemax_numpy.py written another way (correct).

    h = tanh(X @ W1.T + b1)   with W1 kept (out, in) = (12, 6), as nn.Linear keeps it
    z = h @ W2.T + b2         with W2 kept (5, 12)
    p = sparsemax(z), loss = 0.5 * mean over rows of ||p - y||^2

sparsemax here finds the support size by counting the sorted entries above
their running threshold ((cumsum - 1) / k), and writes the backward as
s * dp - s * <s, dp> / |S|. Adam is written in torch.optim.Adam's own form:
step size lr / (1 - beta1^t), denominator sqrt(v) / sqrt(1 - beta2^t) + eps.

Parameters (self.params): W1 (12, 6), b1 (12,), W2 (5, 12), b2 (5,); Adam state self.m, self.v.
"""

import math

import numpy as np


def sparsemax(z):
    n, K = z.shape
    zs = np.sort(z, axis=1)[:, ::-1]
    running_tau = (np.cumsum(zs, axis=1) - 1) / np.arange(1, K + 1, dtype=z.dtype)
    support_size = np.count_nonzero(zs > running_tau, axis=1)
    tau = running_tau[np.arange(n), support_size - 1][:, None]
    return np.clip(z - tau, 0, None)


class SparsemaxNet:
    def __init__(self, n_in=6, hidden=12, n_out=5, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": (rng.standard_normal((hidden, n_in)) / np.sqrt(n_in)).astype(dtype),
            "b1": np.zeros(hidden, dtype=dtype),
            "W2": (rng.standard_normal((n_out, hidden)) * (2.0 / np.sqrt(hidden))).astype(dtype),
            "b2": np.zeros(n_out, dtype=dtype),
        }
        self.grads = {}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.t = 0

    def forward(self, X):
        P = self.params
        self.h = np.tanh(X @ P["W1"].T + P["b1"])
        self.p = sparsemax(self.h @ P["W2"].T + P["b2"])
        return self.p

    def loss(self, X, y):
        return 0.5 * np.sum((self.forward(X) - y) ** 2) / len(X)

    def train_step(self, X, y):
        P = self.params
        loss = self.loss(X, y)
        p, h = self.p, self.h
        g = (p - y) / len(X)
        s = (p > 0).astype(p.dtype)
        dz = s * g - s * np.sum(s * g, axis=1, keepdims=True) / np.sum(s, axis=1, keepdims=True)
        dh = dz @ P["W2"]
        da = dh * (1 - h * h)
        self.grads = {"W2": dz.T @ h, "b2": dz.sum(0), "W1": da.T @ X, "b1": da.sum(0)}

        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        step_size = self.lr / bc1
        for k in P:
            g = self.grads[k]
            self.m[k] *= self.beta1
            self.m[k] += (1 - self.beta1) * g
            self.v[k] *= self.beta2
            self.v[k] += (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            P[k] -= step_size * self.m[k] / denom
        return float(loss)
