"""Keyword spotter over log-mel frames in NumPy, written time-major with per-tap kernels.

The same network as kws_numpy.py (conv 8 -> 12, kernel 3, 'same'; conv 12 -> 12, kernel 3,
stride 2, 'valid'; ReLU after each; mean over the frames; dense 12 -> 4; mean cross-entropy),
written another way: the patch is transposed once to (n, frames, mels), each convolution is a sum
over its taps of a strided frame slice times that tap's (in, out) matrix, so a kernel is kept
(tap, in, out); the dense weight is kept (out, in) as nn.Linear keeps it. The loss is a
log-softmax through a log-sum-exp. AdamW keeps its state per parameter in a dict created at the
first update, and folds both bias corrections into the step size (lr * sqrt(1 - b2^t) / (1 - b1^t),
with eps scaled by sqrt(1 - b2^t), the same update as torch's); the cosine schedule is the same.

Parameters (self.p): k1 (3, 8, 12), c1 (12,), k2 (3, 12, 12), c2 (12,), w_out (4, 12), b_out (4,).
"""

import math

import numpy as np

N_MELS, C1, C2, CLASSES = 8, 12, 12, 4
K1, K2, PAD1, STRIDE2 = 3, 3, 1, 2
LR, BETAS, EPS, WD = 0.01, (0.9, 0.999), 1e-8, 0.01
T_MAX, ETA_MIN = 20, 1e-3


def conv_tm(x, k, c, stride=1, pad=0):
    """Time-major conv: x (N, T, C), k (K, C, O) -> (N, L, O)."""
    xp = np.pad(x, ((0, 0), (pad, pad), (0, 0))) if pad else x
    K = k.shape[0]
    L = (xp.shape[1] - K) // stride + 1
    out = c + sum(xp[:, j:j + stride * (L - 1) + 1:stride, :] @ k[j] for j in range(K))
    return out, xp


def conv_tm_backward(dout, xp, k, stride=1, pad=0):
    K = k.shape[0]
    L = dout.shape[1]
    dk = np.stack([np.einsum("nlc,nlo->co", xp[:, j:j + stride * (L - 1) + 1:stride, :], dout)
                   for j in range(K)])
    dc = dout.sum(axis=(0, 1))
    dxp = np.zeros_like(xp)
    for j in range(K):
        dxp[:, j:j + stride * (L - 1) + 1:stride, :] += dout @ k[j].T
    return dk, dc, dxp[:, pad:dxp.shape[1] - pad, :]


class KWSNetTaps:
    def __init__(self, seed=114):
        rng = np.random.default_rng(seed + 1)
        self.p = {
            "k1": rng.normal(0.0, np.sqrt(2.0 / (N_MELS * K1)), (K1, N_MELS, C1)),
            "c1": rng.normal(0.0, 0.05, C1),
            "k2": rng.normal(0.0, np.sqrt(2.0 / (C1 * K2)), (K2, C1, C2)),
            "c2": rng.normal(0.0, 0.05, C2),
            "w_out": rng.normal(0.0, 1.0 / np.sqrt(C2), (CLASSES, C2)),
            "b_out": np.zeros(CLASSES),
        }
        self.opt = {}
        self.updates = 0

    def forward(self, X, keep=False):
        p = self.p
        x = X.transpose(0, 2, 1)
        z1, xp1 = conv_tm(x, p["k1"], p["c1"], pad=PAD1)
        h1 = np.where(z1 > 0, z1, 0.0).astype(z1.dtype)
        z2, xp2 = conv_tm(h1, p["k2"], p["c2"], stride=STRIDE2)
        h2 = np.where(z2 > 0, z2, 0.0).astype(z2.dtype)
        pooled = h2.sum(axis=1) / h2.shape[1]
        logits = pooled @ p["w_out"].T + p["b_out"]
        if keep:
            self.cache = (xp1, z1, xp2, z2, pooled)
        return logits

    @staticmethod
    def log_softmax(logits):
        m = logits.max(axis=1, keepdims=True)
        return logits - m - np.log(np.sum(np.exp(logits - m), axis=1, keepdims=True))

    def loss(self, X, y):
        return -np.mean(self.log_softmax(self.forward(X))[np.arange(len(y)), y])

    def backward(self, X, y):
        p = self.p
        logits = self.forward(X, keep=True)
        xp1, z1, xp2, z2, pooled = self.cache
        logp = self.log_softmax(logits)
        loss = -np.mean(logp[np.arange(len(y)), y])
        onehot = np.eye(CLASSES, dtype=logits.dtype)[y]
        dlogits = (np.exp(logp) - onehot) / len(y)
        grads = {"w_out": dlogits.T @ pooled, "b_out": dlogits.sum(axis=0)}
        dpooled = dlogits @ p["w_out"]
        dz2 = np.broadcast_to(dpooled[:, None, :] / z2.shape[1], z2.shape) * (z2 > 0)
        grads["k2"], grads["c2"], dh1 = conv_tm_backward(dz2, xp2, p["k2"], stride=STRIDE2)
        grads["k1"], grads["c1"], _ = conv_tm_backward(dh1 * (z1 > 0), xp1, p["k1"], pad=PAD1)
        self.grads = grads
        return loss

    def adamw(self):
        self.updates += 1
        t = self.updates
        lr = ETA_MIN + 0.5 * (LR - ETA_MIN) * (1.0 + math.cos(math.pi * (t - 1) / T_MAX))
        b1, b2 = BETAS
        step = lr * math.sqrt(1.0 - b2 ** t) / (1.0 - b1 ** t)
        eps_hat = EPS * math.sqrt(1.0 - b2 ** t)
        for name, w in self.p.items():
            g = self.grads[name]
            if name not in self.opt:
                self.opt[name] = {"m": np.zeros_like(w), "v": np.zeros_like(w)}
            s = self.opt[name]
            s["m"] += (1.0 - b1) * (g - s["m"])
            s["v"] += (1.0 - b2) * (g * g - s["v"])
            w -= lr * WD * w
            w -= step * s["m"] / (np.sqrt(s["v"]) + eps_hat)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adamw()
        return float(loss)
