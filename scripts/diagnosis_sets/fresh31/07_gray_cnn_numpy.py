"""Colour tiles turned grey, then a small CNN, in NumPy. The (n, 6, 6, 3) RGB tiles are converted
to luminance with the ITU-R BT.601 weights (0.299 R + 0.587 G + 0.114 B, what PIL's convert('L')
uses), then: 3x3 valid convolution, 4 filters (a loop over the output positions) -> ReLU -> 2x2
max pooling (the largest of the four interleaved sub-grids) -> flatten (c, h, w) -> dense
softmax. Mean cross-entropy, Nesterov momentum in torch's form (lr 0.05, mu 0.9)."""

import numpy as np

LUMA = np.array([0.299, 0.587, 0.114])


class GrayCNN:
    def __init__(self, lr=0.05, mu=0.9, seed=7):
        rng = np.random.default_rng(seed)
        self.params = {
            "K": rng.normal(0.0, 0.5, (4, 1, 3, 3)),
            "bK": np.full(4, 0.05),
            "W": rng.normal(0.0, 0.25, (16, 3)),
            "b": np.zeros(3),
        }
        self.lr, self.mu = lr, mu
        self.buf = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        gray = (X @ LUMA.astype(X.dtype))[:, None]                        # (n, 1, 6, 6)
        z = np.empty((n, 4, 4, 4), dtype=X.dtype)
        for i in range(4):
            for j in range(4):
                z[:, :, i, j] = np.einsum("ncij,ocij->no", gray[:, :, i:i + 3, j:j + 3], p["K"]) + p["bK"]
        a = np.maximum(z, 0.0)
        grids = [a[:, :, r::2, s::2] for r in (0, 1) for s in (0, 1)]
        pooled = np.maximum.reduce(grids)                                  # (n, 4, 2, 2)
        flat = pooled.reshape(n, -1)
        logits = flat @ p["W"] + p["b"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(n), y]))

        d = probs.copy()
        d[np.arange(n), y] -= 1.0
        d /= n
        g = {"W": flat.T @ d, "b": d.sum(axis=0)}
        d_pooled = (d @ p["W"].T).reshape(n, 4, 2, 2)
        d_a = np.zeros_like(a)
        taken = np.zeros_like(pooled, dtype=bool)
        for (r, s), grid in zip([(0, 0), (0, 1), (1, 0), (1, 1)], grids):
            win = (grid == pooled) & ~taken                                # first maximum only
            d_a[:, :, r::2, s::2] = d_pooled * win
            taken |= win
        d_z = d_a * (z > 0)
        g["K"] = np.zeros_like(p["K"])
        for i in range(4):
            for j in range(4):
                g["K"] += np.einsum("ncij,no->ocij", gray[:, :, i:i + 3, j:j + 3], d_z[:, :, i, j])
        g["bK"] = d_z.sum(axis=(0, 2, 3))
        self.grads = g

        for k in p:
            self.buf[k] = self.mu * self.buf[k] + g[k]
            p[k] -= self.lr * (g[k] + self.mu * self.buf[k])
        return float(loss)
