"""MobileNet-style depthwise-separable block in NumPy, channels last, on the RGB tiles
(n, 6, 6, 3): a 3x3 depthwise convolution (one filter per channel, Keras's DepthwiseConv2D
layout (kh, kw, channels, multiplier=1), no bias) by np.einsum over sliding_window_view
windows, a 1x1 pointwise convolution to 4 channels (Keras's Conv2D layout (1, 1, cin, cout))
with a bias, 2x2 max pooling taken BEFORE the ReLU (max and ReLU commute), flatten (h, w, c),
dense softmax. Mean cross-entropy, Adam (lr 0.01)."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class SeparableNet:
    def __init__(self, lr=0.01, seed=21):
        rng = np.random.default_rng(seed)
        self.params = {
            "depthwise": rng.normal(0.0, 1.0 / 3.0, (3, 3, 3, 1)),
            "pointwise": rng.normal(0.0, np.sqrt(2.0 / 3), (1, 1, 3, 4)),
            "pointwise_bias": np.full(4, 0.05),
            "dense": rng.normal(0.0, 0.25, (16, 3)),
            "dense_bias": np.zeros(3),
        }
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        win = sliding_window_view(X, (3, 3), axis=(1, 2))                    # (n, 4, 4, 3, 3, 3)
        dw = np.einsum("nhwcij,ijc->nhwc", win, p["depthwise"][..., 0])      # (n, 4, 4, 3)
        pw = dw @ p["pointwise"][0, 0] + p["pointwise_bias"]                  # (n, 4, 4, 4)
        blocks = pw.reshape(n, 2, 2, 2, 2, 4).transpose(0, 1, 3, 5, 2, 4).reshape(n, 2, 2, 4, 4)
        arg = blocks.argmax(axis=-1)
        pooled = np.take_along_axis(blocks, arg[..., None], axis=-1)[..., 0]  # (n, 2, 2, 4)
        act = np.maximum(pooled, 0.0)
        flat = act.reshape(n, -1)
        logits = flat @ p["dense"] + p["dense_bias"]
        z = logits - logits.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -log_p[np.arange(n), y].mean()

        d = np.exp(log_p)
        d[np.arange(n), y] -= 1.0
        d /= n
        g = {"dense": flat.T @ d, "dense_bias": d.sum(axis=0)}
        d_pooled = (d @ p["dense"].T).reshape(n, 2, 2, 4) * (pooled > 0)
        d_blocks = np.zeros_like(blocks)
        np.put_along_axis(d_blocks, arg[..., None], d_pooled[..., None], axis=-1)
        d_pw = d_blocks.reshape(n, 2, 2, 4, 2, 2).transpose(0, 1, 4, 2, 5, 3).reshape(n, 4, 4, 4)
        g["pointwise"] = np.einsum("nhwc,nhwo->co", dw, d_pw)[None, None]
        g["pointwise_bias"] = d_pw.sum(axis=(0, 1, 2))
        d_dw = d_pw @ p["pointwise"][0, 0].T
        g["depthwise"] = np.einsum("nhwcij,nhwc->ijc", win, d_dw)[..., None]
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
