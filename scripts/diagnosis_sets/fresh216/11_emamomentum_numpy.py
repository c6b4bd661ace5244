"""ArcFace from scratch in NumPy: a small embedding MLP and an additive angular margin head.

    x (N, 12) -> relu(x @ W1 + b1) (N, 32) -> e = h @ W2 + b2 (N, 8)
    cos = normalize(e) @ normalize(W).T           W (classes, 8), one row per identity
    target logit: cos(theta + m) = cos*cos_m - sin*sin_m  where cos > th = cos(pi - m),
                  else cos - sin(pi - m)*m  (insightface's fallback keeping it monotonic)
    logits = s * (onehot * phi + (1 - onehot) * cos), softmax cross-entropy, mean over the batch.

SGD with momentum 0.9 and coupled weight decay 5e-4, as torch.optim.SGD:
    g += wd * p;  v = mu * v + g;  p -= lr * v
"""

import math

import numpy as np


class ArcFaceNet:
    def __init__(self, n_in=12, hidden=32, embed=8, classes=5, s=10.0, m=0.3,
                 lr=0.1, momentum=0.9, weight_decay=5e-4, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) * math.sqrt(2.0 / n_in),
            "b1": np.zeros(hidden),
            "W2": rng.standard_normal((hidden, embed)) / math.sqrt(hidden),
            "b2": rng.standard_normal(embed) * 0.01,
            "W": rng.standard_normal((classes, embed)),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.s, self.m = s, m
        self.cos_m, self.sin_m = math.cos(m), math.sin(m)
        self.th = math.cos(math.pi - m)
        self.mm = math.sin(math.pi - m) * m
        self.lr, self.mu, self.wd = lr, momentum, weight_decay

    # ----------------------------------------------------------------- forward
    def forward(self, X, y):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0.0)
        e = h @ p["W2"] + p["b2"]
        e_norm = np.sqrt((e * e).sum(axis=1, keepdims=True))
        en = e / e_norm
        w_norm = np.sqrt((p["W"] * p["W"]).sum(axis=1, keepdims=True))
        wn = p["W"] / w_norm
        cos = en @ wn.T                                       # (N, C)
        sin = np.sqrt(np.clip(1.0 - cos * cos, 0.0, 1.0))
        phi = cos * self.cos_m - sin * self.sin_m
        keep = cos > self.th
        phi = np.where(keep, phi, cos - self.mm)
        onehot = np.zeros_like(cos)
        onehot[np.arange(len(y)), y] = 1.0
        logits = self.s * (onehot * phi + (1.0 - onehot) * cos)
        cache = (X, z1, h, e, e_norm, en, w_norm, wn, cos, sin, keep, onehot)
        return logits, cache

    @staticmethod
    def cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        probs = exp / exp.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(len(y)), y]).mean()
        return loss, probs

    def loss(self, X, y):
        return self.cross_entropy(self.forward(X, y)[0], y)[0]

    # ---------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        logits, (X, z1, h, e, e_norm, en, w_norm, wn, cos, sin, keep, onehot) = self.forward(X, y)
        loss, probs = self.cross_entropy(logits, y)
        N = X.shape[0]

        dlogits = (probs - onehot) / N
        # d phi / d cos = cos_m + sin_m * cos / sin   (1 on the fallback branch)
        dphi = np.where(keep, self.cos_m + self.sin_m * cos / np.maximum(sin, 1e-12), 1.0)
        dcos = self.s * dlogits * (onehot * dphi + (1.0 - onehot))

        den = dcos @ wn                                       # (N, E)
        dwn = dcos.T @ en                                     # (C, E)
        de = (den - en * (den * en).sum(axis=1, keepdims=True)) / e_norm
        dW = (dwn - wn * (dwn * wn).sum(axis=1, keepdims=True)) / w_norm

        self.grads["W"] = dW
        self.grads["W2"] = h.T @ de
        self.grads["b2"] = de.sum(axis=0)
        dz1 = (de @ p["W2"].T) * (z1 > 0)
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    # --------------------------------------------------------------- optimizer
    def update(self):
        for k, p in self.params.items():
            g = self.grads[k] + self.wd * p
            self.velocity[k] = self.mu * self.velocity[k] + (1.0 - self.mu) * g
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
