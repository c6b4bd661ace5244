"""The gated residual regressor of grn_numpy.py written another way (correct).

Layers as small objects holding their weights (in, out) and their own momentum buffers;
each block mixes g * h + (1 - g) * x; weight decay folded into the velocity update
(v = mu v + g + wd W); the residual backward written as dx (1 - g) plus the two paths.
"""

import numpy as np


class Dense:
    def __init__(self, rng, fan_in, fan_out, bias_value=None):
        s = 1.0 / np.sqrt(fan_in)
        self.W = rng.uniform(-s, s, (fan_in, fan_out))
        self.b = rng.uniform(-s, s, fan_out) if bias_value is None else np.full(fan_out, bias_value)
        self.vW = np.zeros_like(self.W)
        self.vb = np.zeros_like(self.b)

    def __call__(self, x):
        return x @ self.W + self.b

    def backward(self, x, dz):
        self.dW = x.T @ dz
        self.db = dz.sum(axis=0)
        return dz @ self.W.T

    def sgd(self, lr, mu, wd):
        self.vW[...] = mu * self.vW + self.dW + wd * self.W
        self.vb[...] = mu * self.vb + self.db
        self.W -= lr * self.vW
        self.b -= lr * self.vb


class GatedLayer:
    def __init__(self, rng, width, gate_bias=-1.5):
        self.cand = Dense(rng, width, width)
        self.gate = Dense(rng, width, width, bias_value=gate_bias)


class GatedResidualAlt:
    def __init__(self, n_in=5, width=10, n_blocks=3, seed=7):
        rng = np.random.default_rng(seed)
        self.proj = Dense(rng, n_in, width)
        self.layers = [GatedLayer(rng, width) for _ in range(n_blocks)]
        self.head = Dense(rng, width, 1)

    def _run(self, X):
        x = self.proj(X)
        saved = []
        for L in self.layers:
            h = np.tanh(L.cand(x))
            g = 1.0 / (1.0 + np.exp(-L.gate(x)))
            saved.append((x, h, g))
            x = g * h + (1 - g) * x
        return self.head(x), saved, x

    def loss(self, X, y):
        pred = self._run(X)[0]
        return np.mean((pred - y) ** 2) / 2

    def train_step(self, X, y):
        pred, saved, x_last = self._run(X)
        r = pred - y
        loss = np.mean(r ** 2) / 2
        dx = self.head.backward(x_last, r / len(r))
        for L, (x, h, g) in zip(reversed(self.layers), reversed(saved)):
            dx_cand = L.cand.backward(x, dx * g * (1 - h * h))
            dx_gate = L.gate.backward(x, dx * (h - x) * g * (1 - g))
            dx = dx * (1 - g) + dx_cand + dx_gate
        self.proj.backward(X, dx)
        for layer in [self.proj, *[d for L in self.layers for d in (L.cand, L.gate)], self.head]:
            layer.sgd(0.05, 0.9, 1e-3)
        return loss
