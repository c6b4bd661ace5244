"""Wide & Deep click-through model, from scratch in NumPy.

Three categorical fields (cardinalities 7, 9, 5).
  wide: one weight per category (a flat table over the 21 offset ids) plus a bias;
  deep: one embedding table per field (dim 4), concatenated (12) -> dense 16 + ReLU
        -> dense 16 + ReLU -> dense 1.
logit = wide + deep; p = sigmoid(logit); loss = binary cross-entropy on p, mean over the batch.
Adam (lr 0.01, betas 0.9/0.999, eps 1e-8, bias-corrected) on every parameter.
Dense weights are kept (in, out).
"""

import math

import numpy as np


class WideDeep:
    def __init__(self, cards=(7, 9, 5), emb_dim=4, hidden=16, lr=0.01, betas=(0.9, 0.999),
                 eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.cards = cards
        self.offsets = np.concatenate([[0], np.cumsum(cards)[:-1]]).astype(np.int64)
        d_in = emb_dim * len(cards)
        p = {}
        p["wide_w"] = rng.normal(0.0, 0.05, size=sum(cards))
        p["wide_b"] = np.zeros(1)
        for f, c in enumerate(cards):
            p[f"E{f}"] = rng.normal(0.0, 0.3, size=(c, emb_dim))
        p["W1"] = rng.normal(0.0, 1.0, size=(d_in, hidden)) * math.sqrt(2.0 / d_in)
        p["b1"] = np.full(hidden, 0.01)
        p["W2"] = rng.normal(0.0, 1.0, size=(hidden, hidden)) * math.sqrt(2.0 / hidden)
        p["b2"] = np.full(hidden, 0.01)
        p["W3"] = rng.normal(0.0, 1.0, size=(hidden, 1)) * math.sqrt(1.0 / hidden)
        p["b3"] = np.zeros(1)
        self.params = p
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(v) for k, v in p.items()}
        self.v = {k: np.zeros_like(v) for k, v in p.items()}
        self.t = 0
        self.grads = {}

    def _forward(self, X):
        p = self.params
        wide = p["wide_w"][X + self.offsets].sum(axis=1) + p["wide_b"][0]
        x = np.concatenate([p[f"E{f}"][X[:, f]] for f in range(len(self.cards))], axis=1)
        a1 = x @ p["W1"] + p["b1"]
        h1 = np.maximum(a1, 0)
        a2 = h1 @ p["W2"] + p["b2"]
        h2 = np.maximum(a2, 0)
        deep = (h2 @ p["W3"] + p["b3"])[:, 0]
        return wide + deep, (x, a1, h1, a2, h2)

    @staticmethod
    def _sigmoid(z):
        return 1.0 / (1.0 + np.exp(-z))

    def loss(self, X, y):
        prob = self._sigmoid(self._forward(X)[0])
        return -(y * np.log(prob) + (1 - y) * np.log(1 - prob)).mean()

    def backward(self, X, y):
        p = self.params
        z, (x, a1, h1, a2, h2) = self._forward(X)
        prob = self._sigmoid(z)
        loss = -(y * np.log(prob) + (1 - y) * np.log(1 - prob)).mean()
        N = X.shape[0]
        dz = ((prob - y) * prob * (1 - prob) / N)[:, None]  # (N, 1): BCE through the sigmoid
        g = {}
        g["wide_b"] = dz.sum(axis=0)
        g["wide_w"] = np.zeros_like(p["wide_w"])
        idx = X + self.offsets
        np.add.at(g["wide_w"], idx, np.repeat(dz, idx.shape[1], axis=1))
        g["W3"] = h2.T @ dz
        g["b3"] = dz.sum(axis=0)
        da2 = (dz @ p["W3"].T) * (a2 > 0)
        g["W2"] = h1.T @ da2
        g["b2"] = da2.sum(axis=0)
        da1 = (da2 @ p["W2"].T) * (a1 > 0)
        g["W1"] = x.T @ da1
        g["b1"] = da1.sum(axis=0)
        dx = da1 @ p["W1"].T
        d = p["E0"].shape[1]
        for f in range(len(self.cards)):
            gE = np.zeros_like(p[f"E{f}"])
            np.add.at(gE, X[:, f], dx[:, f * d:(f + 1) * d])
            g[f"E{f}"] = gE
        self.grads = g
        return loss

    def adam(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            gk = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * gk
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * gk * gk
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)
