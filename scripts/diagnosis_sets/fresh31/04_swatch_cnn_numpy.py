"""Two-channel swatch classifier in NumPy (channels first): 3x3 valid convolution, 4 filters, by
np.einsum over sliding_window_view windows -> tanh -> 2x2 max pooling, stride 2 (the 5x5 map
gives 2x2: the last row and column are left out, as floor division does) -> flatten -> dense
softmax. Mean cross-entropy, Adam (lr 0.02)."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class SwatchCNN:
    def __init__(self, lr=0.02, seed=4):
        rng = np.random.default_rng(seed)
        self.params = {
            "K": rng.normal(0.0, np.sqrt(1.0 / 18), (4, 2, 3, 3)),
            "bK": np.zeros(4),
            "W": rng.normal(0.0, 0.25, (16, 3)),
            "b": np.zeros(3),
        }
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        win = sliding_window_view(X, (3, 3), axis=(2, 3))                 # (n, 2, 5, 5, 3, 3)
        a = np.tanh(np.einsum("nchwij,ocij->nohw", win, p["K"]) + p["bK"][:, None, None])
        pooled = np.zeros((n, 4, 2, 2), dtype=X.dtype)
        mask = np.zeros_like(a)
        for i in range(2):
            for j in range(2):
                block = a[:, :, 2 * i:2 * i + 2, 2 * j:2 * j + 2]
                pooled[:, :, i, j] = block.max(axis=(2, 3))
                mask[:, :, 2 * i:2 * i + 2, 2 * j:2 * j + 2] = block == pooled[:, :, i, j][:, :, None, None]
        flat = pooled.reshape(n, -1)
        logits = flat @ p["W"] + p["b"]
        z = logits - logits.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -log_p[np.arange(n), y].mean()

        d = np.exp(log_p)
        d[np.arange(n), y] -= 1.0
        d /= n
        g = {"W": flat.T @ d, "b": d.sum(axis=0)}
        d_pooled = (d @ p["W"].T).reshape(n, 4, 2, 2)
        d_a = np.zeros_like(a)
        d_a[:, :, :4, :4] = np.repeat(np.repeat(d_pooled, 2, axis=2), 2, axis=3) * mask[:, :, :4, :4]
        d_z = d_a * (1.0 - a ** 2)
        g["K"] = np.einsum("nchwij,nohw->ocij", win, d_z)
        g["bK"] = d_z.sum(axis=(0, 2, 3))
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            p[k] -= self.lr * (self.m[k] / (1 - self.beta1 ** self.t)) / (
                np.sqrt(self.v[k] / (1 - self.beta2 ** self.t)) + self.eps)
        return float(loss)
