"""Pairwise ranking network in NumPy: a shared ReLU tower on both halves of X, L2-normalised
embeddings, a linear score on each, logistic loss on the score difference, Adam written by hand."""

import numpy as np


class PairRanker:
    def __init__(self, d_in=5, hidden=12, d_emb=6, lr=0.01, seed=1):
        rng = np.random.default_rng(seed)
        self.d_in = d_in
        self.params = {
            "W1": rng.standard_normal((d_in, hidden)) * 0.5,
            "b1": rng.standard_normal(hidden) * 0.1,
            "W2": rng.standard_normal((hidden, d_emb)) * 0.4,
            "b2": rng.standard_normal(d_emb) * 0.1,
            "w": rng.standard_normal((d_emb, 1)) * 0.8,
        }
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8

    def forward_one(self, x):
        p = self.params
        a = x @ p["W1"] + p["b1"]
        h = np.maximum(a, 0.0)
        e = h @ p["W2"] + p["b2"]
        norm = np.sqrt((e ** 2).sum(1, keepdims=True))
        z = e / norm
        s = (z @ p["w"])[:, 0]
        return (x, a, h, e, norm, z), s

    def backward_one(self, cache, ds, grads):
        x, a, h, e, norm, z = cache
        p = self.params
        grads["w"] += z.T @ ds[:, None]
        dz = ds[:, None] * p["w"][:, 0][None, :]
        de = (dz - z * (z * dz).sum(1, keepdims=True)) / norm
        grads["W2"] += h.T @ de
        grads["b2"] += de.sum(0)
        dh = de @ p["W2"].T
        da = dh * (a > 0)
        grads["W1"] += x.T @ da
        grads["b1"] += da.sum(0)

    def loss(self, X, y):
        _, s1 = self.forward_one(X[:, :self.d_in])
        _, s2 = self.forward_one(X[:, self.d_in:])
        t = 2.0 * y - 1.0
        return np.mean(np.logaddexp(0.0, -t * (s1 - s2)))

    def train_step(self, X, y):
        n = X.shape[0]
        c1, s1 = self.forward_one(X[:, :self.d_in])
        c2, s2 = self.forward_one(X[:, self.d_in:])
        t = 2.0 * y - 1.0
        margin = t * (s1 - s2)
        loss = np.mean(np.logaddexp(0.0, -margin))

        ddelta = -t / (1.0 + np.exp(-margin)) / n
        grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.backward_one(c1, ddelta, grads)
        self.backward_one(c2, -ddelta, grads)
        self.grads = grads

        self.t += 1
        for k, p in self.params.items():
            g = grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return loss
