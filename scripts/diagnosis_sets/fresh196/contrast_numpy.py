"""Siamese contrastive network in NumPy: a shared tanh tower applied to both halves of X,
Euclidean distance between the raw embeddings, contrastive loss with a margin, SGD with momentum."""

import numpy as np


class SiameseContrastive:
    def __init__(self, d_in=6, hidden=16, d_emb=8, lr=0.05, momentum=0.9, margin=2.0, seed=0):
        rng = np.random.default_rng(seed)
        self.d_in = d_in
        self.params = {
            "W1": rng.standard_normal((d_in, hidden)) * 0.4,
            "b1": np.zeros(hidden),
            "W2": rng.standard_normal((hidden, d_emb)) * 0.3,
            "b2": np.zeros(d_emb),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.margin = margin
        self.eps = 1e-8

    def tower(self, x):
        p = self.params
        h = np.tanh(x @ p["W1"] + p["b1"])
        e = h @ p["W2"] + p["b2"]
        return h, e

    def tower_backward(self, x, h, de, grads):
        p = self.params
        grads["W2"] += h.T @ de
        grads["b2"] += de.sum(0)
        dh = de @ p["W2"].T
        dz = dh * (1.0 - h ** 2)
        grads["W1"] += x.T @ dz
        grads["b1"] += dz.sum(0)

    def loss(self, X, y):
        x1, x2 = X[:, :self.d_in], X[:, self.d_in:]
        _, e1 = self.tower(x1)
        _, e2 = self.tower(x2)
        d = np.sqrt(((e1 - e2) ** 2).sum(1) + self.eps)
        hinge = np.maximum(self.margin - d, 0.0)
        return 0.5 * np.mean(y * d ** 2 + (1.0 - y) * hinge ** 2)

    def train_step(self, X, y):
        n = X.shape[0]
        x1, x2 = X[:, :self.d_in], X[:, self.d_in:]
        h1, e1 = self.tower(x1)
        h2, e2 = self.tower(x2)
        diff = e1 - e2
        d = np.sqrt((diff ** 2).sum(1) + self.eps)
        hinge = np.maximum(self.margin - d, 0.0)
        loss = 0.5 * np.mean(y * d ** 2 + (1.0 - y) * hinge ** 2)

        dd = (y * d - (1.0 - y) * hinge) / n
        ddiff = (dd / d)[:, None] * diff
        grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.tower_backward(x1, h1, ddiff, grads)
        self.tower_backward(x2, h2, -ddiff, grads)
        self.grads = grads

        for k in self.params:
            self.velocity[k] = self.momentum * self.velocity[k] + grads[k]
            self.params[k] -= self.lr * self.velocity[k]
        return loss
