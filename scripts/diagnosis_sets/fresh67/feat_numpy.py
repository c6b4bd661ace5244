"""Logit and feature distillation (FitNets-style) of a fixed teacher, written in NumPy.

The teacher, a 6-8-3 ReLU MLP read from teacher.npz, is never trained; its 8 post-ReLU hidden
units are the feature target. The student is a 6-4-3 tanh MLP with a learned linear projection
(4 -> 8, with bias) from its hidden layer onto the teacher's. The loss is the mean hard-label
cross-entropy, plus BETA times T**2 times the batch-mean KL divergence between the softened
teacher and student softmaxes, plus GAMMA times the mean squared error between the projected
student features and the teacher's hidden layer (mean over rows and units). Hand-written
backward pass and Adam (torch's form: eps outside the square root, bias-corrected), with
beta2 = 0.99.

    X: float (n, 6), y: int (n,) labels 0..2
"""

from pathlib import Path

import numpy as np

D_IN, HIDDEN, K, T_HIDDEN = 6, 4, 3, 8
T, BETA, GAMMA = 2.0, 0.5, 1.0
LR, BETA1, BETA2, EPS = 0.02, 0.9, 0.99, 1e-8

_T = np.load(Path(__file__).with_name("teacher.npz"))
TW1, TB1, TW2, TB2 = _T["W1"], _T["b1"], _T["W2"], _T["b2"]


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class FeatureKD:
    def __init__(self, seed=67):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D_IN), (D_IN, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, K)),
            "b2": np.zeros(K),
            "Wr": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, T_HIDDEN)),
            "br": np.zeros(T_HIDDEN),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def teacher(self, X):
        hidden = np.maximum(X @ TW1 + TB1, 0.0)
        return hidden, hidden @ TW2 + TB2

    def train_step(self, X, y):
        p = self.params
        dt = p["W1"].dtype
        n = len(X)
        y = y.astype(int)

        h = np.tanh(X @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        f = h @ p["Wr"] + p["br"]

        ht, zt = self.teacher(X)
        ht, zt = ht.astype(dt), zt.astype(dt)

        log_probs = log_softmax(z)
        ce = -np.mean(log_probs[np.arange(n), y])
        log_pt = log_softmax(zt / T)
        pt = np.exp(log_pt)
        log_ps = log_softmax(z / T)
        kd = np.sum(pt * (log_pt - log_ps)) / n
        diff = f - ht
        fm = np.mean(diff ** 2)
        loss = ce + BETA * T * T * kd + GAMMA * fm

        onehot = np.eye(K, dtype=dt)[y]
        dz = (np.exp(log_probs) - onehot) / n + BETA * T * (np.exp(log_ps) - pt) / n
        df = GAMMA * 2.0 * diff / diff.size

        g = {}
        g["W2"] = h.T @ dz
        g["b2"] = dz.sum(axis=0)
        g["Wr"] = h.T @ df
        g["br"] = df.sum(axis=0)
        dh = dz @ p["W2"].T + df @ p["Wr"].T
        da = dh * (1.0 - h ** 2)
        g["W1"] = X.T @ da
        g["b1"] = da.sum(axis=0)
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
