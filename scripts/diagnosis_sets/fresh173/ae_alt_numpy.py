"""Correct variant of ae_numpy.py: the denoising autoencoder with torch-layout weights.

W1..W4 kept (out, in) as nn.Linear keeps them (forward x @ W.T + b, gradient dW = d.T @ x);
the backward written as a loop over the layers; Adam with the L2 term and both moments updated
in place (m += (1 - b1) * (g - m), v *= b2; v += (1 - b2) g^2).
"""

import math

import numpy as np


class DenoisingAE:
    def __init__(self, sizes=(10, 8, 3, 8, 10), lr=1e-2, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=1e-3, seed=2):
        rng = np.random.default_rng(seed)
        for i in range(len(sizes) - 1):
            fan_in, fan_out = sizes[i], sizes[i + 1]
            setattr(self, f"W{i + 1}", rng.normal(0.0, 1.0 / math.sqrt(fan_in), (fan_out, fan_in)))
            setattr(self, f"b{i + 1}", np.zeros(fan_out))
        self.n_layers = len(sizes) - 1
        self.act = {1: True, 2: False, 3: True, 4: False}      # tanh after layers 1 and 3
        self.lr, (self.beta1, self.beta2), self.eps, self.wd = lr, betas, eps, weight_decay
        self.grads = {}
        self.m, self.v = {}, {}
        self.step_no = 0

    def _forward(self, X):
        acts = [X.astype(self.W1.dtype, copy=False)]
        for i in range(1, self.n_layers + 1):
            z = acts[-1] @ getattr(self, f"W{i}").T + getattr(self, f"b{i}")
            acts.append(np.tanh(z) if self.act[i] else z)
        return acts

    def loss(self, X, y):
        out = self._forward(X)[-1]
        return ((out - y.astype(out.dtype, copy=False)) ** 2).mean()

    def train_step(self, X, y):
        acts = self._forward(X)
        out = acts[-1]
        y = y.astype(out.dtype, copy=False)
        err = out - y
        loss = (err ** 2).mean()
        delta = err * (2.0 / err.size)
        for i in range(self.n_layers, 0, -1):
            if self.act[i]:
                delta = delta * (1.0 - acts[i] ** 2)
            self.grads[f"W{i}"] = delta.T @ acts[i - 1]
            self.grads[f"b{i}"] = delta.sum(axis=0)
            delta = delta @ getattr(self, f"W{i}")

        self.step_no += 1
        c1 = 1.0 - self.beta1 ** self.step_no
        c2 = 1.0 - self.beta2 ** self.step_no
        for name, grad in self.grads.items():
            p = getattr(self, name)
            g = grad + self.wd * p
            if name not in self.m:
                self.m[name] = np.zeros_like(p)
                self.v[name] = np.zeros_like(p)
            m, v = self.m[name], self.v[name]
            m += (1.0 - self.beta1) * (g - m)
            v *= self.beta2
            v += (1.0 - self.beta2) * g * g
            p -= self.lr * (m / c1) / (np.sqrt(v / c2) + self.eps)
        return float(loss)
