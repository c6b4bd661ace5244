"""Generalized cross-entropy (Zhang & Sabuncu 2018) for noisy labels, from scratch in NumPy.

    h = tanh(X @ W1 + b1)            W1 (6, 16), b1 (16,)
    z = h @ W2 + b2                  W2 (16, 4), b2 (4,)
    p = softmax(z)
    L = mean_n (1 - p[n, y_n] ** q) / q,     q = 0.7

dL/dz = -p_y ** q * (onehot - p) / N (the p_y ** (q - 1) of the power times the softmax
derivative p_y (onehot - p)). Adam, lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected.
"""

import numpy as np


class GCENet:
    def __init__(self, n_in=6, hidden=16, n_cls=4, q=0.7, lr=0.01, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0, 1 / np.sqrt(n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0, 1 / np.sqrt(hidden), (hidden, n_cls)),
            "b2": np.zeros(n_cls),
        }
        self.q = q
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.grads = {}

    def forward(self, X):
        P = self.params
        self.X = X
        self.h = np.tanh(X @ P["W1"] + P["b1"])
        z = self.h @ P["W2"] + P["b2"]
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        self.p = e / e.sum(axis=1, keepdims=True)
        return self.p

    def loss(self, X, y):
        p = self.forward(X)
        py = p[np.arange(len(y)), y]
        return np.mean((1 - py ** self.q) / self.q)

    def backward(self, y):
        P, p, N = self.params, self.p, len(y)
        onehot = np.zeros_like(p)
        onehot[np.arange(N), y] = 1
        py = p[np.arange(N), y][:, None]
        dz = -(py ** self.q) * (onehot - p) / N
        self.grads["W2"] = self.h.T @ dz
        self.grads["b2"] = dz.sum(axis=0)
        dpre = (dz @ P["W2"].T) * (1 - self.h ** 2)
        self.grads["W1"] = self.X.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)

    def adam(self):
        self.t += 1
        for k, w in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta1 ** self.t)
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.backward(y)
        self.adam()
        return loss
