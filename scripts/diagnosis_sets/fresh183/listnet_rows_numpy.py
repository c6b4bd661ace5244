"""ListNet by hand in NumPy, weights kept as (out, in) and activations as columns.

Same model and training as listnet_numpy.py (10 -> 24 ReLU -> 12 ReLU -> 1 without output
bias, cross-entropy between softmax(relevance) and softmax(scores) per list, mean over
lists, SGD momentum 0.9 with coupled weight decay 5e-3, lr 0.05); the loss through
logsumexp, ReLU backward through np.where, a loop over the layers, the momentum buffers
updated in place.
"""

import math

import numpy as np


class ListNetRows:
    def __init__(self, n_features=10, h1=24, h2=12, lr=0.05, momentum=0.9,
                 weight_decay=5e-3, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((h1, n_features)) * math.sqrt(2.0 / n_features),
            "b1": np.full(h1, 0.05),
            "W2": rng.standard_normal((h2, h1)) * math.sqrt(2.0 / h1),
            "b2": np.full(h2, 0.05),
            "W3": rng.standard_normal((1, h2)) * math.sqrt(1.0 / h2),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.grads = {}
        self.lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay

    def _forward(self, X):
        p = self.params
        Q, L, D = X.shape
        a = X.reshape(Q * L, D).T                       # (D, N): one column per row
        acts = [a]
        for n in (1, 2):
            a = np.maximum(p[f"W{n}"] @ a + p[f"b{n}"][:, None], 0)
            acts.append(a)
        s = (p["W3"] @ a).reshape(Q, L)
        return s, acts

    @staticmethod
    def _ce(s, y):
        lse_s = s.max(axis=1) + np.log(np.exp(s - s.max(axis=1, keepdims=True)).sum(axis=1))
        lse_y = y.max(axis=1) + np.log(np.exp(y - y.max(axis=1, keepdims=True)).sum(axis=1))
        t = np.exp(y - lse_y[:, None])
        return np.mean(lse_s - (t * s).sum(axis=1)), t, np.exp(s - lse_s[:, None])

    def loss(self, X, y):
        return float(self._ce(self._forward(X)[0], y)[0])

    def train_step(self, X, y):
        p = self.params
        Q, L, _ = X.shape
        s, acts = self._forward(X)
        loss, t, ps = self._ce(s, y)
        delta = ((ps - t) / Q).reshape(1, Q * L)
        for n in (3, 2, 1):
            self.grads[f"W{n}"] = delta @ acts[n - 1].T
            if f"b{n}" in p:
                self.grads[f"b{n}"] = delta.sum(axis=1)
            if n > 1:
                delta = np.where(acts[n - 1] > 0, p[f"W{n}"].T @ delta, 0)
        for k, w in p.items():
            vel = self.velocity[k]
            vel *= self.momentum
            vel += self.grads[k] + self.weight_decay * w
            w -= self.lr * vel
        return float(loss)
