"""Keyword spotter over log-mel frames, from scratch in NumPy.

Two 1-D convolutions over the frames of a (mels, frames) log-mel patch, written with an im2col
that gathers each kernel tap with a strided slice, and its scatter-add (col2im) for the backward:

    conv1: 8 mel bands -> 12 channels, kernel 3, stride 1, padding 1 ('same', 16 frames), ReLU
    conv2: 12 -> 12 channels, kernel 3, stride 2, no padding ('valid', 7 frames), ReLU
    global average pooling over the frames -> dense 12 -> 4 classes (logits)

Softmax cross-entropy averaged over the batch. AdamW (decoupled weight decay WD on every
parameter, biases included, as torch.optim.AdamW does) with the learning rate annealed by a cosine
from LR to ETA_MIN over T_MAX updates: the t-th update (t = 1, 2, ...) uses
ETA_MIN + (LR - ETA_MIN) * (1 + cos(pi * (t - 1) / T_MAX)) / 2.

    X: float (n, 8, 16) log-mel patches, y: int64 (n,) keyword ids 0..3

Parameters (self.params): W1 (12, 8, 3) and W2 (12, 12, 3) as (out, in, tap), b1, b2 (12,),
Wf (12, 4) as (in, out), bf (4,). Optimizer state: self.m, self.v keyed like self.params.
"""

import math

import numpy as np

N_MELS, C1, C2, CLASSES = 8, 12, 12, 4
K1, K2, PAD1, STRIDE2 = 3, 3, 1, 2
LR, BETA1, BETA2, EPS, WD = 0.01, 0.9, 0.999, 1e-8, 0.01
T_MAX, ETA_MIN = 20, 1e-3


def conv1d(x, W, b, stride=1, pad=0):
    """x (N, C, T), W (O, C, K) -> (N, O, L); also the im2col matrix (N, L, C, K)."""
    if pad:
        x = np.pad(x, ((0, 0), (0, 0), (pad, pad)))
    N, C, Tp = x.shape
    O, _, K = W.shape
    L = (Tp - K) // stride + 1
    cols = np.empty((N, L, C, K), dtype=x.dtype)
    for j in range(K):
        cols[:, :, :, j] = x[:, :, j:j + stride * (L - 1) + 1:stride].transpose(0, 2, 1)
    out = cols.reshape(N * L, C * K) @ W.reshape(O, C * K).T + b
    return out.reshape(N, L, O).transpose(0, 2, 1), cols


def conv1d_backward(dout, cols, W, T, stride=1, pad=0):
    """Gradients of conv1d for the weight, the bias and the (unpadded, length T) input."""
    N, O, L = dout.shape
    _, C, K = W.shape
    d = dout.transpose(0, 2, 1).reshape(N * L, O)
    dW = (d.T @ cols.reshape(N * L, C * K)).reshape(O, C, K)
    db = d.sum(axis=0)
    dcols = (d @ W.reshape(O, C * K)).reshape(N, L, C, K)
    dxp = np.zeros((N, C, T + 2 * pad), dtype=dout.dtype)
    for j in range(K):
        dxp[:, :, j:j + stride * (L - 1) + 1:stride] += dcols[:, :, :, j].transpose(0, 2, 1)
    return dW, db, dxp[:, :, pad:pad + T]


class KWSNet:
    def __init__(self, seed=114):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / (N_MELS * K1)), (C1, N_MELS, K1)),
            "b1": rng.normal(0.0, 0.05, C1),
            "W2": rng.normal(0.0, np.sqrt(2.0 / (C1 * K2)), (C2, C1, K2)),
            "b2": rng.normal(0.0, 0.05, C2),
            "Wf": rng.normal(0.0, 1.0 / np.sqrt(C2), (C2, CLASSES)),
            "bf": np.zeros(CLASSES),
        }
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def _forward(self, X):
        p = self.params
        z1, cols1 = conv1d(X, p["W1"], p["b1"], pad=PAD1)
        h1 = np.maximum(z1, 0.0)
        z2, cols2 = conv1d(h1, p["W2"], p["b2"], stride=STRIDE2)
        h2 = np.maximum(z2, 0.0)
        g = h2.mean(axis=2)
        logits = g @ p["Wf"] + p["bf"]
        return logits, (cols1, z1, h1, cols2, z2, g)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean(), np.exp(logp)

    def loss(self, X, y):
        return self._cross_entropy(self.forward(X), y)[0]

    def train_step(self, X, y):
        p = self.params
        N = len(X)
        logits, (cols1, z1, h1, cols2, z2, g) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)

        grads = {}
        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1.0
        dlogits /= N
        grads["Wf"] = g.T @ dlogits
        grads["bf"] = dlogits.sum(axis=0)
        dg = dlogits @ p["Wf"].T
        dh2 = np.repeat(dg[:, :, None] / z2.shape[2], z2.shape[2], axis=2)
        dz2 = dh2 * (z2 > 0)
        grads["W2"], grads["b2"], dh1 = conv1d_backward(dz2, cols2, p["W2"], h1.shape[2], stride=STRIDE2)
        dz1 = dh1 * (z1 > 0)
        grads["W1"], grads["b1"], _ = conv1d_backward(dz1, cols1, p["W1"], X.shape[2], pad=PAD1)
        self.grads = grads

        # AdamW with a cosine-annealed learning rate
        self.t += 1
        lr = ETA_MIN + (LR - ETA_MIN) * (1.0 + math.cos(math.pi * (self.t - 1) / T_MAX)) / 2.0
        bc1 = 1.0 - BETA1 ** self.t
        bc2 = 1.0 - BETA2 ** self.t
        for k in p:
            p[k] *= 1.0 - lr * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * grads[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * grads[k] ** 2
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + EPS
            p[k] -= (lr / bc1) * self.m[k] / denom
        return float(loss)
