"""The SGDR classifier of sgdr_numpy.py written another way (same computation).

Layers as a list of dicts with weights kept (out, in) like nn.Linear; einsum for the products;
the label-smoothing gradient as softmax - (1 - eps) onehot - eps / K; the global norm from
one concatenated vector (np.linalg.norm); Nesterov momentum written as
p -= lr ((1 + mu) d + mu^2 v_old) with the buffer updated in place (v *= mu; v += d);
the warm-restart schedule tracked incrementally (T_cur, T_i), as CosineAnnealingWarmRestarts does.
"""

import math

import numpy as np


class SGDRAlt:
    def __init__(self, sizes=(10, 32, 4), lr=0.1, momentum=0.9, weight_decay=5e-4,
                 max_norm=1.0, smoothing=0.1, T_0=4, T_mult=2, eta_min=0.005, seed=3):
        rng = np.random.default_rng(seed)
        self.layers = []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            self.layers.append({
                "W": rng.normal(0.0, math.sqrt(1.0 / fan_in), size=(fan_out, fan_in)),
                "b": rng.normal(0.0, 0.05, size=fan_out),
            })
        for layer in self.layers:
            layer["vW"] = np.zeros_like(layer["W"])
            layer["vb"] = np.zeros_like(layer["b"])
        self.base_lr, self.lr = lr, lr
        self.mu = momentum
        self.wd = weight_decay
        self.max_norm = max_norm
        self.eps = smoothing
        self.T_0, self.T_mult, self.eta_min = T_0, T_mult, eta_min
        self.T_i, self.T_cur = T_0, 0

    def _forward(self, X):
        acts = [X]
        a = X
        for i, layer in enumerate(self.layers):
            z = np.einsum("ni,oi->no", a, layer["W"]) + layer["b"]
            a = np.maximum(z, 0.0) if i < len(self.layers) - 1 else z
            acts.append(a)
        return acts

    def loss(self, X, y):
        logits = self._forward(X)[-1]
        K = logits.shape[1]
        logp = logits - logits.max(1, keepdims=True)
        logp = logp - np.log(np.exp(logp).sum(1, keepdims=True))
        picked = np.take_along_axis(logp, y[:, None], axis=1)[:, 0]
        return -((1 - self.eps) * picked + self.eps / K * logp.sum(1)).mean()

    def _schedule_step(self):
        self.T_cur += 1
        if self.T_cur >= self.T_i:
            self.T_cur -= self.T_i
            self.T_i *= self.T_mult
        self.lr = self.eta_min + (self.base_lr - self.eta_min) * (
            1 + math.cos(math.pi * self.T_cur / self.T_i)) / 2

    def train_step(self, X, y):
        acts = self._forward(X)
        logits = acts[-1]
        N, K = logits.shape
        e = np.exp(logits - logits.max(1, keepdims=True))
        probs = e / e.sum(1, keepdims=True)
        loss = self.loss(X, y)
        delta = probs - self.eps / K
        delta[np.arange(N), y] -= 1 - self.eps
        delta /= N
        grads = []
        for i in reversed(range(len(self.layers))):
            layer = self.layers[i]
            gW = np.einsum("no,ni->oi", delta, acts[i])
            gb = delta.sum(0)
            grads.append((gW, gb))
            if i > 0:
                delta = np.einsum("no,oi->ni", delta, layer["W"]) * (acts[i] > 0)
        grads.reverse()
        flat = np.concatenate([np.concatenate([gW.ravel(), gb]) for gW, gb in grads])
        coef = self.max_norm / (np.linalg.norm(flat) + 1e-6)
        if coef < 1.0:
            grads = [(gW * coef, gb * coef) for gW, gb in grads]
        mu, lr = self.mu, self.lr
        for layer, (gW, gb) in zip(self.layers, grads):
            for name, g in (("W", gW), ("b", gb)):
                p, v = layer[name], layer["v" + name]
                d = g + self.wd * p
                p -= lr * ((1 + mu) * d + mu * mu * v)
                v *= mu
                v += d
        self._schedule_step()
        return float(loss)
