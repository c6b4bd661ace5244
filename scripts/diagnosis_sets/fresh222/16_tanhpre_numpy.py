"""Deep Sets binary classifier with masked sum pooling, written from scratch in NumPy.

Each row of X is a padded set of up to 12 elements: feature 0 a value, features 1-3 a one-hot
category; padded slots are all zero. y is 0 or 1.

    phi:  layer 0: relu(x W + b)   4 -> 16
          layer 1: relu(h W + b)   16 -> 8
    pool: sum over the real elements
    rho:  layer 2: tanh(p W + b)   8 -> 16
          layer 3: p W + b         16 -> 1, the logit
    loss: binary cross-entropy on the logit (log-sum-exp form), mean over the batch

Gradients are clipped to a global L2 norm of 0.25 (as torch.nn.utils.clip_grad_norm_), then
RMSprop (lr 0.01, alpha 0.9, eps 1e-8, no momentum).
"""

import math

import numpy as np


class SumDeepSet:
    def __init__(self, sizes=(4, 16, 8, 16, 1), lr=0.01, alpha=0.9, eps=1e-8, max_norm=0.25,
                 seed=2):
        rng = np.random.default_rng(seed)
        self.layers = []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            bound = 1.0 / np.sqrt(fan_in)
            self.layers.append({"W": rng.uniform(-bound, bound, (fan_in, fan_out)),
                                "b": rng.uniform(-bound, bound, fan_out)})
        self.sq_avg = [{k: np.zeros_like(v) for k, v in L.items()} for L in self.layers]
        self.grads = [{k: np.zeros_like(v) for k, v in L.items()} for L in self.layers]
        self.lr, self.alpha, self.eps, self.max_norm = lr, alpha, eps, max_norm

    def forward(self, X):
        L = self.layers
        mask = np.any(X != 0, axis=-1).astype(X.dtype)[:, :, None]   # (N, S, 1)
        a0 = X @ L[0]["W"] + L[0]["b"]
        h0 = np.maximum(a0, 0)
        a1 = h0 @ L[1]["W"] + L[1]["b"]
        h1 = np.maximum(a1, 0)
        pooled = (h1 * mask).sum(axis=1)                              # (N, 8)
        a2 = pooled @ L[2]["W"] + L[2]["b"]
        h2 = np.tanh(a2)
        z = (h2 @ L[3]["W"] + L[3]["b"])[:, 0]
        return z, (mask, a0, h0, a1, h1, pooled, a2, h2)

    @staticmethod
    def bce(z, y):
        return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def loss(self, X, y):
        return float(self.bce(self.forward(X)[0], y))

    def backward(self, X, y):
        L, G = self.layers, self.grads
        z, (mask, a0, h0, a1, h1, pooled, a2, h2) = self.forward(X)
        N = X.shape[0]
        loss = self.bce(z, y)
        dz = ((1.0 / (1.0 + np.exp(-z)) - y) / N)[:, None]           # (N, 1)
        G[3]["W"] = h2.T @ dz
        G[3]["b"] = dz.sum(axis=0)
        da2 = (dz @ L[3]["W"].T) * (1 - a2 ** 2)
        G[2]["W"] = pooled.T @ da2
        G[2]["b"] = da2.sum(axis=0)
        dpooled = da2 @ L[2]["W"].T                                   # (N, 8)
        dh1 = dpooled[:, None, :] * mask                              # (N, S, 8)
        da1 = dh1 * (a1 > 0)
        G[1]["W"] = np.einsum("nsi,nso->io", h0, da1)
        G[1]["b"] = da1.sum(axis=(0, 1))
        da0 = (da1 @ L[1]["W"].T) * (a0 > 0)
        G[0]["W"] = np.einsum("nsi,nso->io", X, da0)
        G[0]["b"] = da0.sum(axis=(0, 1))
        return loss

    def clip(self):
        total = math.sqrt(sum(float(np.sum(g * g)) for Gl in self.grads for g in Gl.values()))
        coef = self.max_norm / (total + 1e-6)
        if coef < 1.0:
            for Gl in self.grads:
                for k in Gl:
                    Gl[k] = Gl[k] * coef

    def rmsprop(self):
        for L, G, S in zip(self.layers, self.grads, self.sq_avg):
            for k in L:
                S[k] = self.alpha * S[k] + (1 - self.alpha) * G[k] ** 2
                L[k] -= self.lr * G[k] / (np.sqrt(S[k]) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip()
        self.rmsprop()
        return float(loss)
