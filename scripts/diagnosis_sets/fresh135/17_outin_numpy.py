"""MADE on binary vectors in NumPy, weights kept (out, in) as nn.Linear keeps them.

The same model as made_bin_numpy.py: masked dense 8 -> 16 + ReLU -> masked dense 16 -> 8,
plus a masked direct connection, sigmoid cross entropy summed over dims and averaged over
rows (written with log-sigmoids), Adam in torch's form (step lr / bc1, denominator
sqrt(v) / sqrt(bc2) + eps). Masks from made_bin_masks.npz, transposed to (out, in).

Parameters (self.params): W1 (16, 8), b1, W2 (8, 16), b2, A (8, 8).
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def log_sigmoid(z):
    return -(np.maximum(-z, 0) + np.log1p(np.exp(-np.abs(z))))


class MADEOutIn:
    def __init__(self, D=8, H=16, lr=1e-2, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        masks = np.load(os.path.join(HERE, "made_bin_masks.npz"))
        self.masks = {"W1": masks["M1"].T.copy(), "W2": masks["M2"].T.copy(), "A": masks["MA"].T.copy()}
        self.params = {
            "W1": rng.uniform(-1, 1, (H, D)) / np.sqrt(D),
            "b1": np.zeros(H),
            "W2": rng.uniform(-1, 1, (D, H)) / np.sqrt(H),
            "b2": np.zeros(D),
            "A": rng.uniform(-1, 1, (D, D)) / np.sqrt(D),
        }
        self.grads = {}
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def _w(self, k):
        return self.params[k] * self.masks[k]

    def _forward(self, X):
        p = self.params
        a1 = X @ self._w("W1").T + p["b1"]
        h = np.where(a1 > 0, a1, 0.0)
        logits = h @ self._w("W2").T + p["b2"] + X @ self._w("A").T
        return logits, a1, h

    def loss(self, X, y):
        logits = self._forward(X)[0]
        ll = y * log_sigmoid(logits) + (1 - y) * log_sigmoid(-logits)
        return -ll.sum() / X.shape[0]

    def train_step(self, X, y):
        logits, a1, h = self._forward(X)
        ll = y * log_sigmoid(logits) + (1 - y) * log_sigmoid(-logits)
        loss = -ll.sum() / X.shape[0]

        g_out = (np.exp(log_sigmoid(logits)) - y) / X.shape[0]       # (N, 8)
        g = {}
        g["W2"] = (g_out.T @ h) * self.masks["W2"]
        g["b2"] = g_out.sum(0)
        g["A"] = (g_out.T @ X) * self.masks["A"]
        g_a1 = (g_out @ self._w("W2")) * (a1 > 0)
        g["W1"] = (g_a1.T @ X) * self.masks["W1"]
        g["b1"] = g_a1.sum(0)
        self.grads = g

        self.t += 1
        step_size = self.lr / (1 - self.beta1 ** self.t)
        root_bc2 = math.sqrt(1 - self.beta2 ** self.t)
        for k in self.params:
            self.m[k] *= self.beta1
            self.m[k] += (1 - self.beta1) * g[k]
            self.v[k] *= self.beta2
            self.v[k] += (1 - self.beta2) * g[k] ** 2
            self.params[k] -= step_size * self.m[k] / (np.sqrt(self.v[k]) / root_bc2 + self.eps)
        return float(loss)
