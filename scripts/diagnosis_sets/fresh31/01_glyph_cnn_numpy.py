"""Glyph classifier in NumPy, written channels-last the way the Keras book lays out its tensors:
images (n, 8, 8, 1), a 3x3 'valid' convolution with 4 filters over sliding_window_view windows,
ReLU, 2x2 max pooling, flatten in (row, column, channel) order, a dense softmax layer.
Mean cross-entropy, SGD with momentum 0.9.

    params['K'] (kh, kw, cin, cout) = (3, 3, 1, 4)    params['b'] (4,)
    params['W'] (3 * 3 * 4, 3), rows in (h, w, c) order  params['c'] (3,)
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class GlyphCNN:
    def __init__(self, lr=0.05, momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "K": rng.normal(0.0, np.sqrt(2.0 / 9), (3, 3, 1, 4)),
            "b": np.full(4, 0.05),
            "W": rng.normal(0.0, np.sqrt(1.0 / 36), (36, 3)),
            "c": np.zeros(3),
        }
        self.lr, self.momentum = lr, momentum
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        win = sliding_window_view(X, (3, 3), axis=(1, 2))               # (n, 6, 6, 1, 3, 3)
        z = np.einsum("nhwcij,ijco->nhwo", win, p["K"]) + p["b"]         # (n, 6, 6, 4)
        a = np.maximum(z, 0.0)
        blocks = a.reshape(n, 3, 2, 3, 2, 4).transpose(0, 1, 3, 5, 2, 4).reshape(n, 3, 3, 4, 4)
        idx = blocks.argmax(axis=-1)
        pooled = np.take_along_axis(blocks, idx[..., None], axis=-1)[..., 0]   # (n, 3, 3, 4)
        flat = pooled.reshape(n, -1)
        logits = flat @ p["W"] + p["c"]

        shifted = logits - logits.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -log_p[np.arange(n), y].mean()
        d_logits = np.exp(log_p)
        d_logits[np.arange(n), y] -= 1.0
        d_logits /= n

        g = {"W": flat.T @ d_logits, "c": d_logits.sum(axis=0)}
        d_pooled = (d_logits @ p["W"].T).reshape(n, 3, 3, 4)
        d_blocks = np.zeros_like(blocks)
        np.put_along_axis(d_blocks, idx[..., None], d_pooled[..., None], axis=-1)
        d_a = d_blocks.reshape(n, 3, 3, 4, 2, 2).transpose(0, 1, 4, 2, 5, 3).reshape(n, 6, 6, 4)
        d_z = d_a * (z > 0)
        g["K"] = np.einsum("nhwcij,nhwo->ijco", win, d_z)
        g["b"] = d_z.sum(axis=(0, 1, 2))
        self.grads = g

        for k in p:
            self.velocity[k] = self.momentum * self.velocity[k] + g[k]
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
