"""Learned-prototype classifier in NumPy.

A linear embedding z = x A (A of shape (6, 4), no bias) and one trainable prototype per class,
P (3, 4). The logit of class k is the negative squared distance of the embedding to its
prototype divided by a fixed temperature, -|z - p_k|^2 / TEMP, written with the expansion
|z|^2 - 2 z.p + |p|^2; the loss is the softmax cross-entropy averaged over the rows. AdamW as
torch.optim.AdamW writes it (decoupled weight decay p *= 1 - lr * WD before the Adam step, both
moments bias-corrected, eps outside the square root) with a cosine schedule over T_MAX updates:
the t-th update (t = 1, 2, ...) uses LR * (1 + cos(pi * (t - 1) / T_MAX)) / 2.

    X: float (n, 6), y: int (n,) class labels 0..2
"""

import math

import numpy as np

D, E, N_CLASSES = 6, 4, 3
TEMP = 0.5
LR, WD, T_MAX = 0.05, 0.05, 20
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


class ProtoNet:
    def __init__(self, seed=79):
        rng = np.random.default_rng(seed)
        self.params = {
            "A": rng.normal(0.0, 1.0 / np.sqrt(D), (D, E)),
            "P": rng.normal(0.0, 1.0, (N_CLASSES, E)),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        Z = X @ p["A"]
        d2 = np.sum(Z ** 2, axis=1, keepdims=True) - 2.0 * Z @ p["P"].T + np.sum(p["P"] ** 2, axis=1)
        logits = -d2 / TEMP
        return Z, logits

    def probs_and_loss(self, logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        loss = -np.mean(logp[np.arange(len(y)), y])
        return np.exp(logp), loss

    def loss(self, X, y):
        return float(self.probs_and_loss(self.forward(X)[1], y)[1])

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        Z, logits = self.forward(X)
        probs, loss = self.probs_and_loss(logits, y)

        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1.0
        dlogits /= n
        dd2 = -dlogits / TEMP                                   # (n, C)
        g = {}
        dZ = 2.0 * (dd2.sum(axis=1, keepdims=True) * Z - dd2 @ p["P"])
        g["P"] = 2.0 * (dd2.sum(axis=0)[:, None] * p["P"] - dd2.T @ Z)
        g["A"] = X.T @ dZ
        self.grads = g

        self.t += 1
        lr = LR * (1.0 + math.cos(math.pi * (self.t - 1) / T_MAX)) / 2.0
        for k in p:
            p[k] *= 1.0 - LR * WD  # fix: p[k] *= 1.0 - lr * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
