"""A softmax classifier (one tanh hidden layer) trained with a hand-written Adafactor, in NumPy.

Forward: h = tanh(X W1 + b1), logits z = h W2 + b2, softmax cross-entropy averaged over the rows
(y is one-hot). Adafactor without momentum: for a weight matrix the second moment is factored,
an exponential average of the row means and one of the column means of g^2 + EPS1, each
bias-corrected, and V = outer(row, col) / mean(row); for a bias vector the full average of
g^2 + EPS1. The update u = g / sqrt(V) has its RMS clipped to CLIP_D (u / max(1, RMS(u) / CLIP_D))
and is scaled by the parameter's own RMS (at least EPS2). The learning rate warms up linearly for
WARMUP updates then decays as an inverse square root: LR * min(t / WARMUP, sqrt(WARMUP / t)).

    X: float (n, 6), y: float (n, 3) one-hot
"""

import math

import numpy as np

N_IN, HIDDEN, N_CLASSES = 6, 10, 3
LR, WARMUP = 0.05, 5
BETA2, EPS1, EPS2, CLIP_D = 0.95, 1e-30, 1e-3, 1.0


def rms(a):
    return np.sqrt(np.mean(a * a))


def lr_at(t):
    return LR * min(t / WARMUP, math.sqrt(WARMUP / t))


class FactoredMLP:
    def __init__(self, seed=91):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, N_CLASSES)),
            "b2": rng.normal(0.0, 0.1, N_CLASSES),
        }
        self.row, self.col, self.full = {}, {}, {}
        self.t = 0

    def forward(self, X):
        p = self.params
        self.X = X
        self.h = np.tanh(X @ p["W1"] + p["b1"])
        self.z = self.h @ p["W2"] + p["b2"]
        return self.z

    def loss(self, X, y):
        z = self.forward(X)
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        self.probs = np.exp(logp)
        return -np.sum(y * logp) / len(X)

    def backward(self, y):
        p = self.params
        n = len(y)
        dz = (self.probs - y) / n
        g = {"W2": self.h.T @ dz, "b2": dz.sum(axis=0)}
        dh = dz @ p["W2"].T
        da = dh * (1.0 - self.h ** 2)
        g["W1"] = self.X.T @ da
        g["b1"] = da.sum(axis=0)
        return g

    def adafactor(self, k, g):
        p = self.params[k]
        corr = 1.0 - BETA2 ** self.t
        g2 = g * g + EPS1
        if g.ndim == 2:
            if k not in self.row:
                self.row[k] = np.zeros(g.shape[0], dtype=g.dtype)
                self.col[k] = np.zeros(g.shape[1], dtype=g.dtype)
            self.row[k] = BETA2 * self.row[k] + (1.0 - BETA2) * g2.mean(axis=1)
            self.col[k] = BETA2 * self.col[k] + (1.0 - BETA2) * g2.mean(axis=0)
            r = self.row[k] / corr
            c = self.col[k] / corr
            V = np.outer(r, c) / r.mean()
        else:
            if k not in self.full:
                self.full[k] = np.zeros_like(g)
            self.full[k] = BETA2 * self.full[k] + (1.0 - BETA2) * g2
            V = self.full[k] / corr
        u = g / np.sqrt(V)
        u = u / max(1.0, rms(u) / CLIP_D)
        scale = max(EPS2, rms(p))
        p -= lr_at(self.t) * scale * u

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.grads = self.backward(y)
        self.t += 1
        for k in self.params:
            self.adafactor(k, self.grads[k])
        return float(loss)
