"""Mixup with label smoothing on a small MLP, written with the loss mixed.

The same model as mixup_mlp_numpy.py, another way to write it: instead of
mixing the smoothed one-hots into one soft label, the two soft-target cross
entropies are mixed, lam CE(s_i) + (1 - lam) CE(s_perm(i)), which is the same
loss since the cross entropy is linear in its target. The backward mixes the
two softmax-minus-target terms the same way. The momentum buffer is updated in
place and the parameters rebound.

    X: float (N, 10), y: int64 (N,) in 0..3.
Parameters self.params: W1 (10, 16), b1 (16,), W2 (16, 4), b2 (4,).
"""

import os

import numpy as np

PLAN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mixup_mlp_plan.npz")


class MixupMLP:
    d_in, hidden, classes = 10, 16, 4
    lr, momentum, smoothing = 0.1, 0.9, 0.1

    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((self.d_in, self.hidden)) * np.sqrt(2.0 / self.d_in),
            "b1": np.zeros(self.hidden),
            "W2": rng.standard_normal((self.hidden, self.classes)) / np.sqrt(self.hidden),
            "b2": np.zeros(self.classes),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        plan = np.load(PLAN)
        self.perm, self.lam = plan["perm"], plan["lam"]
        self.t = 0

    def smoothed(self, y, dtype):
        K, eps = self.classes, self.smoothing
        s = np.full((len(y), K), eps / K, dtype=dtype)
        s[np.arange(len(y)), y] += 1 - eps
        return s

    def _pieces(self, X, y):
        i = self.t % len(self.perm)
        perm, lam = self.perm[i], float(self.lam[i])
        Xm = lam * X + (1 - lam) * X[perm]
        s_a = self.smoothed(y, X.dtype)
        s_b = self.smoothed(y[perm], X.dtype)
        p = self.params
        z1 = Xm @ p["W1"] + p["b1"]
        h = np.where(z1 > 0, z1, 0)
        logits = h @ p["W2"] + p["b2"]
        m = logits.max(axis=1, keepdims=True)
        logp = logits - m - np.log(np.exp(logits - m).sum(axis=1, keepdims=True))
        ce_a = -(s_a * logp).sum(axis=1).mean()
        ce_b = -(s_b * logp).sum(axis=1).mean()
        return lam * ce_a + (1 - lam) * ce_b, (Xm, z1, h, logp, s_a, s_b, lam)

    def loss(self, X, y):
        return self._pieces(X, y)[0]

    def train_step(self, X, y):
        loss, (Xm, z1, h, logp, s_a, s_b, lam) = self._pieces(X, y)
        N = X.shape[0]
        probs = np.exp(logp)
        dlogits = (lam * (probs - s_a) + (1 - lam) * (probs - s_b)) / N
        g = self.grads
        g["W2"] = h.T @ dlogits
        g["b2"] = dlogits.sum(axis=0)
        dz1 = (dlogits @ self.params["W2"].T) * (z1 > 0)
        g["W1"] = Xm.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        for k in self.params:
            self.velocity[k] *= self.momentum
            self.velocity[k] += g[k]
            self.params[k] = self.params[k] - self.lr * self.velocity[k]
        self.t += 1
        return float(loss)
