"""Factorization machine for click-through prediction, from scratch in NumPy.

Four categorical fields (cardinalities 6, 10, 8, 4) share one feature space of 28 ids: a
field's raw category id is shifted by the field's offset.  The logit is

    z = w0 + sum_f w[i_f] + 1/2 * sum_k [ (sum_f V[i_f, k])^2 - sum_f V[i_f, k]^2 ]

(the O(nk) form of the pairwise interactions sum_{f<g} <V[i_f], V[i_g]>), and the loss is
binary cross-entropy on the logit, averaged over the batch.  Trained with Adagrad
(lr 0.05, eps 1e-10, L2 weight decay 1e-3 added to the gradient, as torch.optim.Adagrad).
"""

import math

import numpy as np


class FactorizationMachine:
    def __init__(self, cards=(6, 10, 8, 4), k=6, lr=0.05, weight_decay=1e-3, eps=1e-10, seed=0):
        rng = np.random.default_rng(seed)
        self.offsets = np.concatenate([[0], np.cumsum(cards)[:-1]]).astype(np.int64)
        n = int(sum(cards))
        self.w0 = np.zeros(1)
        self.w = rng.normal(0.0, 0.05, size=n)
        self.V = rng.normal(0.0, 0.1, size=(n, k))
        self.lr = lr
        self.weight_decay = weight_decay
        self.eps = eps
        # Adagrad accumulators
        self.G_w0 = np.zeros_like(self.w0)
        self.G_w = np.zeros_like(self.w)
        self.G_V = np.zeros_like(self.V)
        self.grads = {}

    def _forward(self, X):
        idx = X + self.offsets                       # (N, F) global feature ids
        v = self.V[idx]                              # (N, F, k)
        s = v.sum(axis=1)                            # (N, k)
        linear = self.w0[0] + self.w[idx].sum(axis=1)
        pairwise = 0.5 * (s ** 2 - (v ** 2).sum(axis=1)).sum(axis=1)
        return linear + pairwise, (idx, v, s)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _bce_with_logits(z, y):
        # max(z, 0) - z y + log(1 + exp(-|z|)), the stable form
        return (np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))).mean()

    def loss(self, X, y):
        return self._bce_with_logits(self.forward(X), y)

    def backward(self, X, y):
        z, (idx, v, s) = self._forward(X)
        loss = self._bce_with_logits(z, y)
        N = X.shape[0]
        p = 1.0 / (1.0 + np.exp(-z))
        dz = (p - y) / N                             # (N,)

        gw0 = np.array([dz.mean()], dtype=self.w0.dtype)
        gw = np.zeros_like(self.w)
        np.add.at(gw, idx, np.broadcast_to(dz[:, None], idx.shape))
        # d pairwise / d V[i_f] = s - V[i_f]
        dv = dz[:, None, None] * (s[:, None, :] - v)  # (N, F, k)
        gV = np.zeros_like(self.V)
        np.add.at(gV, idx, dv)
        self.grads = {"w0": gw0, "w": gw, "V": gV}
        return loss

    def step(self):
        for name, G in (("w0", self.G_w0), ("w", self.G_w), ("V", self.G_V)):
            p = getattr(self, name)
            g = self.grads[name] + self.weight_decay * p
            G += g * g
            p -= self.lr * g / (np.sqrt(G) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)
