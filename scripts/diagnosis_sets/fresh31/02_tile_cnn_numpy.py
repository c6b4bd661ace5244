"""Colour-tile classifier from scratch: channels-last RGB tiles (n, 6, 6, 3), a 3x3 valid
convolution with 6 filters written as a double loop over the output positions (np.tensordot of
each window with the kernel), tanh, 2x2 average pooling, flatten (h, w, c), dense softmax layer.
Mean cross-entropy, Adam (lr 0.01)."""

import numpy as np


class TileCNN:
    def __init__(self, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=2):
        rng = np.random.default_rng(seed)
        self.K = rng.normal(0.0, np.sqrt(1.0 / 27), (3, 3, 3, 6))    # (kh, kw, cin, cout)
        self.bK = np.zeros(6)
        self.W = rng.normal(0.0, np.sqrt(1.0 / 24), (24, 3))
        self.bW = np.zeros(3)
        self.names = ("K", "bK", "W", "bW")
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0

    def conv(self, X):
        n, H, W, _ = X.shape
        out = np.zeros((n, H - 2, W - 2, self.K.shape[3]), dtype=X.dtype)
        for i in range(H - 2):
            for j in range(W - 2):
                out[:, i, j, :] = np.tensordot(X[:, i:i + 3, j:j + 3, :], self.K, axes=([1, 2, 3], [0, 1, 2]))
        return out + self.bK

    def train_step(self, X, y):
        n = len(X)
        a = np.tanh(self.conv(X))                                          # (n, 4, 4, 6)
        pooled = a.reshape(n, 2, 2, 2, 2, 6).mean(axis=(2, 4))             # (n, 2, 2, 6)
        flat = pooled.reshape(n, -1)
        logits = flat @ self.W + self.bW
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(n), y]).mean()

        d_logits = probs.copy()
        d_logits[np.arange(n), y] -= 1.0
        d_logits /= n
        g = {"W": flat.T @ d_logits, "bW": d_logits.sum(axis=0)}
        d_pooled = (d_logits @ self.W.T).reshape(n, 2, 2, 6)
        d_a = np.repeat(np.repeat(d_pooled, 2, axis=1), 2, axis=2) / 4.0
        d_z = d_a * (1.0 - a ** 2)
        dK = np.zeros_like(self.K)
        for i in range(4):
            for j in range(4):
                dK += np.tensordot(X[:, i:i + 3, j:j + 3, :], d_z[:, i, j, :], axes=([0], [0]))
        g["K"] = dK
        g["bK"] = d_z.sum(axis=(0, 1, 2))
        self.grads = g

        self.t += 1
        for k in self.names:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            setattr(self, k, getattr(self, k) - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return float(loss)
