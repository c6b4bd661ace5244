"""Regressor in NumPy: AdamW (decoupled decay theta *= 1 - lr wd before the Adam step) with the
moments in interpolation form m += (1 - b1)(g - m), a warm-up then cosine rate, and the gradients
clipped to a global L2 norm of MAX_NORM (one common scale, norm + 1e-6 as clip_grad_norm_).

    X: (n, 4), y: (n, 2)
"""

import numpy as np

LR0, WD, EPS = 0.02, 0.05, 1e-8
B1, B2 = 0.9, 0.999
WARMUP, TOTAL = 3, 20
MAX_NORM = 0.5


def lr_factor(s):
    if s < WARMUP:
        return (s + 1) / WARMUP
    return 0.5 * (1.0 + np.cos(np.pi * (s - WARMUP) / (TOTAL - WARMUP)))


class Net:
    def __init__(self, sizes=(4, 8, 2), seed=57):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (sizes[0], sizes[1])), "b1": np.zeros(sizes[1]),
            "W2": rng.normal(0.0, 0.5, (sizes[1], sizes[2])), "b2": np.zeros(sizes[2]),
        }
        self.t = 0
        self.m, self.v = {}, {}

    def gradients(self, X, y):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        self.out = out
        loss = np.mean((out - y) ** 2)
        d = 2.0 * (out - y) / out.size
        g = {"W2": h.T @ d, "b2": d.sum(axis=0)}
        dh = (d @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = X.T @ dh
        g["b1"] = dh.sum(axis=0)
        return loss, g

    def train_step(self, X, y):
        loss, g = self.gradients(X, y)
        self.grads = g
        self.t += 1
        if not self.m:
            self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
            self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        norm = np.sqrt(sum(np.vdot(gk, gk) for gk in g.values()))
        scale = min(1.0, MAX_NORM / (norm + 1e-6))
        for k in g:
            g[k] = g[k] * scale
        lr = LR0 * lr_factor(self.t - 1)
        bc1, bc2 = 1 - B1 ** self.t, 1 - B2 ** self.t
        for k, p in self.params.items():
            p *= 1 - lr * WD
            self.m[k] += (1 - B1) * (g[k] - self.m[k])
            self.v[k] += (1 - B2) * (g[k] ** 2 - self.v[k])
            p -= lr / bc1 * self.m[k] / (np.sqrt(self.v[k]) / np.sqrt(bc2) + EPS)

        return float(loss)
