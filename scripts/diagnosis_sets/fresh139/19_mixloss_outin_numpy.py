"""Per-row mixup with the loss mixed, on a tanh MLP: weights stored (out, in).

The same model as mixloss_mlp_numpy.py written by another hand: weights kept
(out, in) as nn.Linear keeps them (z = x W^T + b), the per-row cross entropy
through logsumexp, the gradient of the logits as softmax minus the mixed
target, and the Nesterov step written in two parts:
g += wd W (weights only); v = mu v + g; p -= lr g; p -= lr mu v.

    X: float (N, 8), y: int64 (N,) in 0..2.
Parameters self.params: W1 (12, 8), b1 (12,), W2 (3, 12), b2 (3,).
"""

import os

import numpy as np

PLAN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mixloss_mlp_plan.npz")


class MixLossMLP:
    lr, momentum, weight_decay = 0.05, 0.9, 1e-3

    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((12, 8)) / np.sqrt(8),
            "b1": rng.standard_normal(12) * 0.1,
            "W2": rng.standard_normal((3, 12)) / np.sqrt(12),
            "b2": np.zeros(3),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        plan = np.load(PLAN)
        self.perm, self.lam = plan["perm"], plan["lam"]
        self.t = 0

    def _forward(self, X, y):
        i = self.t % len(self.perm)
        perm = self.perm[i]
        lam = self.lam[i].astype(X.dtype)[:, None]
        Xm = lam * X + (1 - lam) * X[perm]
        p = self.params
        h = np.tanh(Xm @ p["W1"].T + p["b1"])
        z = h @ p["W2"].T + p["b2"]
        m = z.max(axis=1, keepdims=True)
        lse = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
        rows = np.arange(len(y))
        lam = lam[:, 0]
        per_row = lam * (lse - z[rows, y]) + (1 - lam) * (lse - z[rows, y[perm]])
        return per_row.mean(), (Xm, h, z, lse, perm, lam)

    def loss(self, X, y):
        return self._forward(X, y)[0]

    def train_step(self, X, y):
        loss, (Xm, h, z, lse, perm, lam) = self._forward(X, y)
        N = len(y)
        rows = np.arange(N)
        dz = np.exp(z - lse[:, None])
        dz[rows, y] -= lam
        dz[rows, y[perm]] -= 1 - lam
        dz /= N
        p, g = self.params, self.grads
        g["W2"] = dz.T @ h
        g["b2"] = dz.sum(axis=0)
        da = (dz @ p["W2"]) * (1 - h * h)
        g["W1"] = da.T @ Xm
        g["b1"] = da.sum(axis=0)
        for k in p:
            step = g[k] + self.weight_decay * p[k] if k[0] == "W" else g[k]
            self.velocity[k] = self.momentum * self.velocity[k] + step
            p[k] -= self.lr * step
            p[k] -= self.lr * self.momentum * self.velocity[k]
        self.t += 1
        return float(loss)
