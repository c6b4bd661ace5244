"""ListNet (top-one probabilities) by hand in NumPy.

Scoring MLP on every (query, item) row: 10 -> 24 ReLU -> 12 ReLU -> 1 (no output bias).
Per list, the target distribution is softmax(relevance) over the list's items and the loss
is the cross-entropy -sum_i P_y(i) log softmax(s)_i; the batch loss is the mean over lists.
SGD with momentum 0.9 and coupled weight decay 5e-3 (g + wd p into the velocity, as
torch.optim.SGD), lr 0.05.
"""

import math

import numpy as np


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class ListNetMLP:
    def __init__(self, n_features=10, h1=24, h2=12, lr=0.05, momentum=0.9,
                 weight_decay=5e-3, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_features, h1)) * math.sqrt(2.0 / n_features),
            "b1": np.full(h1, 0.05),
            "W2": rng.standard_normal((h1, h2)) * math.sqrt(2.0 / h1),
            "b2": np.full(h2, 0.05),
            "W3": rng.standard_normal((h2, 1)) * math.sqrt(1.0 / h2),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay

    def forward(self, X):
        p = self.params
        Q, L, D = X.shape
        a0 = X.reshape(Q * L, D)
        z1 = a0 @ p["W1"] + p["b1"]
        a1 = np.maximum(z1, 0)
        z2 = a1 @ p["W2"] + p["b2"]
        a2 = np.maximum(z2, 0)
        s = (a2 @ p["W3"]).reshape(Q, L)
        return s, (a0, z1, a1, z2, a2)

    def loss(self, X, y):
        s, _ = self.forward(X)
        target = _softmax(y)
        return float(-(target * _log_softmax(s)).sum(axis=1).mean())

    def train_step(self, X, y):
        p = self.params
        Q, L, _ = X.shape
        s, (a0, z1, a1, z2, a2) = self.forward(X)
        target = _softmax(y)
        loss = -(target * _log_softmax(s)).sum(axis=1).mean()

        ds = (_softmax(s) - target) / Q                  # (Q, L)
        dout = ds.reshape(Q * L, 1)
        self.grads["W3"] = a2.T @ dout
        da2 = dout @ p["W3"].T
        dz2 = da2 * (z2 > 0)
        self.grads["W2"] = a1.T @ dz2
        self.grads["b2"] = dz2.sum(axis=0)
        da1 = dz2 @ p["W2"].T
        dz1 = da1 * (z1 > 0)
        self.grads["W1"] = a0.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)

        for k in p:
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p[k] = p[k] - self.lr * (self.velocity[k] + self.weight_decay * p[k])
        return float(loss)
