"""A two-hidden-layer ReLU regressor (4 -> 24 -> 24 -> 2, mean squared error over every element)
trained with AdamW under a linear-warmup-then-cosine learning-rate schedule, all by hand in NumPy.

The t-th update (t = 1, 2, ...) uses
    lr_t = lr_max * t / warmup                                     for t <= warmup
    lr_t = lr_min + 0.5 (lr_max - lr_min) (1 + cos(pi (t - warmup) / (total - warmup)))   after
with lr_min = 0.1 lr_max, and AdamW (decoupled weight decay on every parameter, as torch):
    p *= 1 - lr_t wd;  m, v as Adam;  p -= lr_t m_hat / (sqrt(v_hat) + eps)
"""

import math

import numpy as np


class WarmupCosineMLP:
    def __init__(self, sizes=(4, 24, 24, 2), lr=0.01, min_lr_ratio=0.1, warmup=4, total_steps=20,
                 betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05, seed=3):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params[f"W{i}"] = rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)
            self.params[f"b{i}"] = np.full(n_out, 0.01)
        self.n_layers = len(sizes) - 1
        self.grads = {}
        self.lr_max = lr
        self.lr_min = lr * min_lr_ratio
        self.warmup = warmup
        self.total_steps = total_steps
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def forward(self, X):
        self.cache = [X]
        a = X
        for i in range(1, self.n_layers + 1):
            z = a @ self.params[f"W{i}"] + self.params[f"b{i}"]
            if i < self.n_layers:
                self.cache.append(z)
                a = np.maximum(z, 0.0)
                self.cache.append(a)
            else:
                a = z
        return a

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, out, y):
        d = 2.0 * (out - y) / out.size
        for i in range(self.n_layers, 0, -1):
            a_prev = self.cache[2 * (i - 1)]
            self.grads[f"W{i}"] = a_prev.T @ d
            self.grads[f"b{i}"] = d.sum(axis=0)
            if i > 1:
                d = (d @ self.params[f"W{i}"].T) * (a_prev >= 0)

    def lr_at(self, t):
        if t <= self.warmup:
            return self.lr_max * t / self.warmup
        progress = (t - self.warmup) / (self.total_steps - self.warmup)
        return self.lr_min + 0.5 * (self.lr_max - self.lr_min) * (1.0 + math.cos(math.pi * progress))

    def adamw_step(self):
        self.t += 1
        lr = self.lr_at(self.t)
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            p *= 1.0 - lr * self.weight_decay
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            p -= (lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        self.backward(out, y)
        self.adamw_step()
        return float(loss)
