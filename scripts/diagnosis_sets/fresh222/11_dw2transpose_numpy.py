"""Deep Sets regression with masked mean pooling, written from scratch in NumPy.

Each row of X is a padded set: X[n, s, :2] are the features of element s and X[n, s, 2] is
1.0 for a real element and 0.0 for padding. The target y[n] is a real number.

    phi:  h = relu(x W1 + b1)          (per element, 2 -> 16)
          e = tanh(h W2 + b2)          (16 -> 16)
    pool: p = sum_s mask * e / sum_s mask   (masked mean over the real elements)
    rho:  r = tanh(p W3 + b3)          (16 -> 16)
          pred = r W4 + b4             (16 -> 1)
    loss: mean squared error over the batch

Trained with Adam (lr 0.01, betas 0.9 / 0.999, eps 1e-8, bias-corrected), all by hand.
"""

import math

import numpy as np


class MeanDeepSet:
    def __init__(self, n_feat=2, hidden=16, embed=16, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 seed=0):
        rng = np.random.default_rng(seed)

        def glorot(fan_in, fan_out):
            return rng.standard_normal((fan_in, fan_out)) * math.sqrt(2.0 / (fan_in + fan_out))

        self.params = {
            "W1": glorot(n_feat, hidden), "b1": 0.1 * rng.standard_normal(hidden),
            "W2": glorot(hidden, embed), "b2": 0.1 * rng.standard_normal(embed),
            "W3": glorot(embed, hidden), "b3": 0.1 * rng.standard_normal(hidden),
            "W4": glorot(hidden, 1), "b4": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        P = self.params
        x = X[:, :, :2]
        mask = X[:, :, 2:3]                        # (N, S, 1)
        count = mask.sum(axis=1)                   # (N, 1)
        a1 = x @ P["W1"] + P["b1"]                 # (N, S, H)
        h = np.maximum(a1, 0)
        e = np.tanh(h @ P["W2"] + P["b2"])         # (N, S, E)
        pooled = (e * mask).sum(axis=1) / count    # (N, E)
        r = np.tanh(pooled @ P["W3"] + P["b3"])    # (N, H)
        pred = (r @ P["W4"] + P["b4"])[:, 0]       # (N,)
        cache = (x, mask, count, a1, h, e, pooled, r)
        return pred, cache

    def loss(self, X, y):
        pred, _ = self.forward(X)
        return float(np.mean((pred - y) ** 2))

    def backward(self, X, y):
        P, G = self.params, self.grads
        pred, (x, mask, count, a1, h, e, pooled, r) = self.forward(X)
        N = X.shape[0]
        diff = pred - y
        loss = np.mean(diff ** 2)

        dpred = (2.0 / N) * diff[:, None]          # (N, 1)
        G["W4"] = r.T @ dpred
        G["b4"] = dpred.sum(axis=0)
        dr = dpred @ P["W4"].T
        dz3 = dr * (1 - r ** 2)
        G["W3"] = pooled.T @ dz3
        G["b3"] = dz3.sum(axis=0)
        dpooled = dz3 @ P["W3"].T                  # (N, E)

        # masked mean: each real element gets dpooled / count, padding gets nothing
        de = (dpooled / count)[:, None, :] * mask  # (N, S, E)
        dz2 = de * (1 - e ** 2)
        H = h.shape[-1]
        G["W2"] = dz2.reshape(-1, dz2.shape[-1]).T @ h.reshape(-1, H)
        G["b2"] = dz2.sum(axis=(0, 1))
        dh = dz2 @ P["W2"].T
        da1 = dh * (a1 > 0)
        G["W1"] = x.reshape(-1, x.shape[-1]).T @ da1.reshape(-1, H)
        G["b1"] = da1.sum(axis=(0, 1))
        return loss

    def adam(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)
