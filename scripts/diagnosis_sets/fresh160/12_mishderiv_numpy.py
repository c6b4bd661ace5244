"""MLP 8 -> 16 (SiLU) -> 12 (Mish) -> 4 trained on label-smoothed cross-entropy
(smoothing 0.1, mean over the batch) with NAdam (lr 0.01, betas (0.9, 0.999), eps 1e-8,
momentum_decay 4e-3, as torch.optim.NAdam), all by hand in NumPy.

Parameters in self.params (weights kept (in, out)); optimizer state self.m, self.v,
self.mu_product, step counter self.t.
"""

import math

import numpy as np


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def softplus(x):
    return np.logaddexp(0.0, x)


class SmoothNet:
    def __init__(self, sizes=(8, 16, 12, 4), smoothing=0.1, lr=0.01, betas=(0.9, 0.999),
                 eps=1e-8, momentum_decay=4e-3, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i in range(3):
            fan_in, fan_out = sizes[i], sizes[i + 1]
            self.params[f"W{i + 1}"] = rng.uniform(-1, 1, (fan_in, fan_out)) / math.sqrt(fan_in)
            self.params[f"b{i + 1}"] = rng.uniform(-0.1, 0.1, fan_out)
        self.smoothing = smoothing
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.momentum_decay = momentum_decay
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.mu_product = 1.0
        self.t = 0

    def _forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        s1 = sigmoid(z1)
        h1 = z1 * s1                                   # SiLU
        z2 = h1 @ p["W2"] + p["b2"]
        tsp = np.tanh(softplus(z2))
        h2 = z2 * tsp                                  # Mish
        logits = h2 @ p["W3"] + p["b3"]
        return logits, (z1, s1, h1, z2, tsp, h2)

    def _smoothed_ce(self, logits, y):
        N, K = logits.shape
        sh = logits - logits.max(axis=1, keepdims=True)
        logp = sh - np.log(np.exp(sh).sum(axis=1, keepdims=True))
        q = np.full_like(logp, self.smoothing / K)
        q[np.arange(N), y] += 1.0 - self.smoothing
        loss = -(q * logp).sum(axis=1).mean()
        return loss, np.exp(logp), q

    def loss(self, X, y):
        return self._smoothed_ce(self._forward(X)[0], y)[0]

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        logits, (z1, s1, h1, z2, tsp, h2) = self._forward(X)
        loss, probs, q = self._smoothed_ce(logits, y)
        dlogits = (probs - q) / N
        self.grads["W3"] = h2.T @ dlogits
        self.grads["b3"] = dlogits.sum(axis=0)
        dh2 = dlogits @ p["W3"].T
        dz2 = dh2 * (tsp + z2 * (1.0 - tsp ** 2))
        self.grads["W2"] = h1.T @ dz2
        self.grads["b2"] = dz2.sum(axis=0)
        dh1 = dz2 @ p["W2"].T
        dz1 = dh1 * (s1 + z1 * s1 * (1.0 - s1))
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def nadam_step(self):
        self.t += 1
        t = self.t
        b1, b2 = self.beta1, self.beta2
        mu = b1 * (1.0 - 0.5 * 0.96 ** (t * self.momentum_decay))
        mu_next = b1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * self.momentum_decay))
        self.mu_product *= mu
        mu_product_next = self.mu_product * mu_next
        bc2 = 1.0 - b2 ** t
        for k, w in self.params.items():
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            denom = np.sqrt(self.v[k] / bc2) + self.eps
            w -= self.lr * (1.0 - mu) / (1.0 - self.mu_product) * g / denom
            w -= self.lr * mu_next / (1.0 - mu_product_next) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.nadam_step()
        return float(loss)
