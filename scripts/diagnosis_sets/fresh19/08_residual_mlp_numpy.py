"""Residual MLP regressor in NumPy: an input layer 6 -> 8 with ReLU, two residual blocks
h <- h + relu(h W + b) of width 8, a linear head to 2 outputs. Mean squared error over all
outputs, Adam (lr 0.01), hand-written backward pass.
"""

import numpy as np


class ResidualMLP:
    def __init__(self, n_in=6, width=8, n_out=2, blocks=2, lr=0.01, seed=8):
        rng = np.random.default_rng(seed)
        self.params = {"W_in": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, width)),
                       "b_in": np.zeros(width)}
        for i in range(blocks):
            self.params[f"W_res{i}"] = rng.normal(0.0, 0.5 / np.sqrt(width), (width, width))
            self.params[f"b_res{i}"] = np.zeros(width)
        self.params["W_out"] = rng.normal(0.0, 1.0 / np.sqrt(width), (width, n_out))
        self.params["b_out"] = np.zeros(n_out)
        self.blocks = blocks
        self.lr, self.b1, self.b2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        P = self.params
        z = X @ P["W_in"] + P["b_in"]
        h = np.maximum(z, 0.0)
        self.cache = [(X, z)]
        for i in range(self.blocks):
            u = h @ P[f"W_res{i}"] + P[f"b_res{i}"]
            self.cache.append((h, u))
            h = h + np.maximum(u, 0.0)
        self.h = h
        return h @ P["W_out"] + P["b_out"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def gradients(self, X, y):
        P = self.params
        out = self.forward(X)
        d = 2.0 * (out - y) / out.size
        g = {"W_out": self.h.T @ d, "b_out": d.sum(axis=0)}
        dh = d @ P["W_out"].T
        for i in reversed(range(self.blocks)):
            h_in, u = self.cache[i + 1]
            du = dh * (u > 0)
            g[f"W_res{i}"] = h_in.T @ du
            g[f"b_res{i}"] = du.sum(axis=0)
            dh = dh + du @ P[f"W_res{i}"].T
        X, z = self.cache[0]
        dz = dh * (z > 0)
        g["W_in"] = X.T @ dz
        g["b_in"] = dz.sum(axis=0)
        return g

    def train_step(self, X, y):
        loss = np.mean((self.forward(X) - y) ** 2)
        self.grads = self.gradients(X, y)
        self.t += 1
        for k, p in self.params.items():
            gk = self.grads[k]
            self.m[k] = self.b1 * self.m[k] + (1 - self.b1) * gk
            self.v[k] = self.b2 * self.v[k] + (1 - self.b2) * gk * gk
            m_hat = self.m[k] / (1 - self.b1 ** self.t)
            v_hat = self.v[k] / (1 - self.b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
