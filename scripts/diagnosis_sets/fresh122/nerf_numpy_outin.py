"""The NeRF-style coordinate MLP of nerf_numpy.py, written another way (correct).

Same model, loss and optimizer; differences in how it is written:
  * each weight is stored (out, in), as nn.Linear keeps it, and a layer is a @ W.T + b;
  * the layers live in a list of dicts, self.layers[i] = {"W": ..., "b": ...};
  * the positional encoding is built with one broadcast over a frequency vector;
  * Adam is written in the folded form of Kingma & Ba, section 2:
        step = lr * sqrt(1 - beta2^t) / (1 - beta1^t),  eps_hat = eps * sqrt(1 - beta2^t)
        p -= step * m / (sqrt(v) + eps_hat)
    which is the same update as torch's lr/(1-beta1^t) * m / (sqrt(v)/sqrt(1-beta2^t) + eps).
"""

import math

import numpy as np


class NerfMLPOutIn:
    def __init__(self, in_dim=3, n_freq=4, hidden=32, lr=5e-3, gamma=0.95, density_weight=0.01,
                 betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.hidden = hidden
        enc_dim = in_dim * (1 + 2 * n_freq)
        self.freqs = (2.0 ** np.arange(n_freq) * np.pi).astype(np.float32)   # (L,)
        dims = [(enc_dim, hidden), (hidden, hidden), (hidden + enc_dim, hidden), (hidden, 4)]
        self.layers = []
        for fan_in, fan_out in dims:
            W = rng.standard_normal((fan_out, fan_in)) * math.sqrt(2.0 / fan_in)
            b = rng.uniform(-0.1, 0.1, fan_out)
            self.layers.append({"W": W.astype(np.float32), "b": b.astype(np.float32)})
        self.lr0, self.gamma, self.density_weight = lr, gamma, density_weight
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = [{k: np.zeros_like(a) for k, a in layer.items()} for layer in self.layers]
        self.v = [{k: np.zeros_like(a) for k, a in layer.items()} for layer in self.layers]
        self.t = 0

    def encode(self, X):
        ang = X[:, None, :] * self.freqs[:, None]                     # (N, L, 3)
        sc = np.stack([np.sin(ang), np.cos(ang)], axis=2)             # (N, L, 2, 3)
        return np.concatenate([X, sc.reshape(X.shape[0], -1)], axis=1)

    def _forward(self, X):
        L = self.layers
        e = self.encode(X)
        a1 = np.maximum(e @ L[0]["W"].T + L[0]["b"], 0.0)
        a2 = np.maximum(a1 @ L[1]["W"].T + L[1]["b"], 0.0)
        c = np.concatenate([a2, e], axis=1)
        a3 = np.maximum(c @ L[2]["W"].T + L[2]["b"], 0.0)
        out = a3 @ L[3]["W"].T + L[3]["b"]
        return out, [e, a1, c, a3]

    def loss(self, X, y):
        out, _ = self._forward(X)
        rgb = 1.0 / (1.0 + np.exp(-out[:, 1:]))
        sigma = np.logaddexp(0.0, out[:, 0])
        return np.mean((rgb - y) ** 2) + self.density_weight * np.mean(sigma)

    def train_step(self, X, y):
        N = X.shape[0]
        L = self.layers
        out, (e, a1, c, a3) = self._forward(X)
        rgb = 1.0 / (1.0 + np.exp(-out[:, 1:]))
        sigma = np.logaddexp(0.0, out[:, 0])
        loss = np.mean((rgb - y) ** 2) + self.density_weight * np.mean(sigma)

        d_out = np.concatenate([
            (self.density_weight / N / (1.0 + np.exp(-out[:, :1]))),
            (2.0 / rgb.size) * (rgb - y) * rgb * (1.0 - rgb),
        ], axis=1)
        grads = [None] * 4
        grads[3] = {"W": d_out.T @ a3, "b": d_out.sum(axis=0)}
        d = (d_out @ L[3]["W"]) * (a3 > 0)
        grads[2] = {"W": d.T @ c, "b": d.sum(axis=0)}
        d = (d @ L[2]["W"])[:, :self.hidden] * (a1 @ L[1]["W"].T + L[1]["b"] > 0)
        grads[1] = {"W": d.T @ a1, "b": d.sum(axis=0)}
        d = (d @ L[1]["W"]) * (a1 > 0)
        grads[0] = {"W": d.T @ e, "b": d.sum(axis=0)}
        self.last_grads = grads

        lr = self.lr0 * self.gamma ** self.t
        self.t += 1
        fold = math.sqrt(1 - self.beta2 ** self.t)
        step = lr * fold / (1 - self.beta1 ** self.t)
        eps_hat = self.eps * fold
        for layer, g, m, v in zip(L, grads, self.m, self.v):
            for k in layer:
                m[k] *= self.beta1
                m[k] += (1 - self.beta1) * g[k]
                v[k] *= self.beta2
                v[k] += (1 - self.beta2) * g[k] ** 2
                layer[k] -= step * m[k] / (np.sqrt(v[k]) + eps_hat)
        return float(loss)
