"""prelu_numpy.py written another way: weights kept (out, in) as nn.Linear keeps them,
PReLU as np.where, the loss by log-sum-exp, momentum updated in place.

    z1 = X @ W1.T + b1   h1 = where(z1 > 0, z1, a1 * z1)     a1 (16,) per unit
    z2 = h1 @ W2.T + b2  h2 = where(z2 > 0, z2, a2 * z2)     a2 (1,) shared
    z3 = h2 @ W3.T + b3  h3 = clip(z3, -1, 1)
    z4 = h3 @ W4.T + b4  logits; mean cross-entropy

Parameters (self.params): W1 (16, 6), b1, a1 (16,), W2 (12, 16), b2, a2 (1,),
W3 (8, 12), b3, W4 (3, 8), b4. SGD with momentum 0.9 (v = mu v + g; p -= lr v), lr 0.05.
"""

import numpy as np


class PReLUNet:
    def __init__(self, sizes=(6, 16, 12, 8, 3), lr=0.05, momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i in range(4):
            fan_in, fan_out = sizes[i], sizes[i + 1]
            scale = np.sqrt(2.0 / fan_in) if i < 3 else 1.0 / np.sqrt(fan_in)
            self.params[f"W{i + 1}"] = rng.standard_normal((fan_out, fan_in)) * scale
            self.params[f"b{i + 1}"] = 0.1 * rng.standard_normal(fan_out)
        self.params["a1"] = np.full(sizes[1], 0.25)
        self.params["a2"] = np.full(1, 0.25)
        self.grads = {}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr, self.mu = lr, momentum

    def _forward(self, X):
        p = self.params
        z1 = X @ p["W1"].T + p["b1"]
        h1 = np.where(z1 > 0, z1, p["a1"] * z1)
        z2 = h1 @ p["W2"].T + p["b2"]
        h2 = np.where(z2 > 0, z2, p["a2"] * z2)
        z3 = h2 @ p["W3"].T + p["b3"]
        h3 = np.clip(z3, -1.0, 1.0)
        z4 = h3 @ p["W4"].T + p["b4"]
        return z4, (z1, h1, z2, h2, z3, h3)

    @staticmethod
    def _log_softmax(z):
        shifted = z - z.max(axis=1, keepdims=True)
        return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))

    def loss(self, X, y):
        z4, _ = self._forward(X)
        return -self._log_softmax(z4)[np.arange(len(y)), y].mean()

    def train_step(self, X, y):
        p = self.params
        N = X.shape[0]
        z4, (z1, h1, z2, h2, z3, h3) = self._forward(X)
        logp = self._log_softmax(z4)
        loss = -logp[np.arange(N), y].mean()

        dz4 = np.exp(logp)
        dz4[np.arange(N), y] -= 1.0
        dz4 /= N
        g = {}
        g["W4"], g["b4"] = dz4.T @ h3, dz4.sum(axis=0)
        dz3 = (dz4 @ p["W4"]) * (np.abs(z3) < 1.0)
        g["W3"], g["b3"] = dz3.T @ h2, dz3.sum(axis=0)
        dh2 = dz3 @ p["W3"]
        neg2 = z2 <= 0
        g["a2"] = np.sum(dh2 * z2 * neg2, keepdims=True).reshape(1)
        dz2 = np.where(neg2, p["a2"] * dh2, dh2)
        g["W2"], g["b2"] = dz2.T @ h1, dz2.sum(axis=0)
        dh1 = dz2 @ p["W2"]
        neg1 = z1 <= 0
        g["a1"] = np.sum(dh1 * z1 * neg1, axis=0)
        dz1 = np.where(neg1, p["a1"] * dh1, dh1)
        g["W1"], g["b1"] = dz1.T @ X, dz1.sum(axis=0)
        self.grads = g

        for k in p:
            v = self.velocity[k]
            v *= self.mu
            v += g[k]
            p[k] -= self.lr * v
        return float(loss)
