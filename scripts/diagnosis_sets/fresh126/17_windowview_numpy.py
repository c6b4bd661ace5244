"""Correct variant of a_numpy.py: the same CNN written another way.

The patches come from np.lib.stride_tricks.sliding_window_view and the convolution is an
einsum; the kernel is kept (kh, kw, cin, cout) (pairs with conv.weight.permute(2, 3, 1, 0));
the 2x2 max pool loops over the four window offsets keeping a one-hot mask of the first
maximum; the momentum update is written in place (v *= mu; v += g; p -= lr * v).
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class CNN:
    def __init__(self, in_channels=2, filters=4, classes=3, size=8, lr=0.05, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        fan_conv = in_channels * 9
        fan_fc = filters * (size // 2) ** 2
        self.params = {
            "K": rng.standard_normal((3, 3, in_channels, filters)) * np.sqrt(2.0 / fan_conv),
            "bK": 0.1 * rng.standard_normal(filters),
            "W": rng.standard_normal((fan_fc, classes)) / np.sqrt(fan_fc),
            "b": np.zeros(classes),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.momentum = lr, momentum

    def _forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=p["K"].dtype)
        Xp = np.pad(X, ((0, 0), (0, 0), (1, 1), (1, 1)))
        patches = sliding_window_view(Xp, (3, 3), axis=(2, 3))        # (N, C, 8, 8, 3, 3)
        z = np.einsum("nchwij,ijco->nohw", patches, p["K"]) + p["bK"][None, :, None, None]
        a = np.maximum(z, 0)

        # 2x2 / stride 2 max pool: the four offsets of each window, first maximum wins
        views = [a[:, :, di::2, dj::2] for di in (0, 1) for dj in (0, 1)]
        pooled = views[0].copy()
        which = np.zeros(pooled.shape, dtype=np.int64)
        for idx in range(1, 4):
            better = views[idx] > pooled
            pooled = np.where(better, views[idx], pooled)
            which[better] = idx
        flat = pooled.reshape(len(X), -1)
        logits = flat @ p["W"] + p["b"]
        return logits, (patches, z, which, flat)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        logits = self.forward(X)
        m = logits.max(axis=1, keepdims=True)
        lse = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
        return (lse - logits[np.arange(len(y)), y]).mean()

    def backward(self, X, y):
        p = self.params
        logits, (patches, z, which, flat) = self._forward(X)
        N = len(y)
        m = logits.max(axis=1, keepdims=True)
        e = np.exp(logits - m)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()

        dlogits = probs
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads["W"] = flat.T @ dlogits
        self.grads["b"] = dlogits.sum(axis=0)
        dpooled = (dlogits @ p["W"].T).reshape(which.shape)

        da = np.zeros_like(z)
        idx = 0
        for di in (0, 1):
            for dj in (0, 1):
                da[:, :, di::2, dj::2] = dpooled * (which == idx)
                idx += 1
        dz = np.where(z > 0, da, 0)
        self.grads["K"] = np.einsum("nchwij,nohw->ijco", patches, dz)
        self.grads["bK"] = dz.sum(axis=(0, 2, 3))
        return loss

    def train_step(self, X, y):
        loss = self.backward(X, y)
        for k, p in self.params.items():
            v = self.velocity[k]
            v *= self.momentum
            v += self.grads[k]
            p -= self.lr * v
        return float(loss)
