"""1-d convolutional classifier in NumPy, channels-last inside (the signals arrive as (n, 3, 12)
and are transposed to (n, 12, 3)). A valid convolution with 8 filters of width 5 (im2col: each
window of 5 steps x 3 channels flattened), ReLU, global average pooling over the 8 positions,
a dense softmax layer over 3 classes. Mean cross-entropy, SGD with momentum.

Kernel K is kept (width, in_channels, out_channels).
"""

import numpy as np


class SignalConvNet:
    def __init__(self, c_in=3, c_out=8, width=5, classes=3, lr=0.1, mu=0.9, seed=8):
        rng = np.random.default_rng(seed)
        self.K = rng.normal(0.0, np.sqrt(2.0 / (c_in * width)), (width, c_in, c_out))
        self.bK = np.zeros(c_out)
        self.W = rng.normal(0.0, np.sqrt(1.0 / c_out), (c_out, classes))
        self.b = np.zeros(classes)
        self.width = width
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("K", "bK", "W", "b")}

    def im2col(self, x):
        n, length, c = x.shape
        positions = length - self.width + 1
        cols = np.stack([x[:, t:t + self.width, :].reshape(n, -1) for t in range(positions)], axis=1)
        return cols                                               # (n, positions, width * c)

    def forward(self, X):
        x = X.transpose(0, 2, 1)                                  # (n, length, channels)
        self.cols = self.im2col(x)
        Kmat = self.K.reshape(-1, self.K.shape[2])
        self.z = self.cols @ Kmat + self.bK                       # (n, positions, c_out)
        h = np.maximum(self.z, 0.0)
        self.pooled = h.mean(axis=1)                              # average over positions
        logits = self.pooled @ self.W + self.b
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        self.probs = e / e.sum(axis=1, keepdims=True)
        return self.probs

    def loss(self, X, y):
        return float(-np.mean(np.sum(y * np.log(self.forward(X)), axis=1)))

    def train_step(self, X, y):
        n = len(X)
        probs = self.forward(X)
        loss = -np.mean(np.sum(y * np.log(probs), axis=1))
        d = (probs - y) / n
        g = {"W": self.pooled.T @ d, "b": d.sum(axis=0)}
        dpooled = d @ self.W.T                                     # (n, c_out)
        positions = self.z.shape[1]
        dz = np.repeat(dpooled[:, None, :] / positions, positions, axis=1) * (self.z > 0)
        g["K"] = np.einsum("npk,npo->ko", self.cols, dz).reshape(self.K.shape)
        g["bK"] = dz.sum(axis=(0, 1))
        self.grads = g
        for k, grad in g.items():
            self.velocity[k] = self.mu * self.velocity[k] + grad
            getattr(self, k)[...] -= self.lr * self.velocity[k]
        return float(loss)
