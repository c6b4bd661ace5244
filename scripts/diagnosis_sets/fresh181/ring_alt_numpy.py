"""Same 4-D RealNVP as ring_numpy.py, written another way.

Einsum for every product, the coordinate reversal as an index array, a backward pass that keeps
only each layer's output and recovers its input by inverting the coupling
(xb = (yb - t) * exp(-s)), and Adam with in-place moment updates and the bias corrections folded
into the step size (lr sqrt(1 - b2^t) / (1 - b1^t), eps scaled by sqrt(1 - b2^t)).
"""

import math

import numpy as np


class RingFlowInv:
    def __init__(self, dim=4, hidden=16, n_layers=4, lr=1e-2, betas=(0.9, 0.999), eps=1e-8,
                 seed=0):
        rng = np.random.default_rng(seed)
        self.dim, self.half, self.n_layers = dim, dim // 2, n_layers
        d = self.half
        self.rev = np.arange(dim)[::-1].copy()
        self.params = {}
        for i in range(n_layers):
            self.params[f"W1_{i}"] = rng.standard_normal((d, hidden)) / math.sqrt(d)
            self.params[f"b1_{i}"] = 0.1 * rng.standard_normal(hidden)
            self.params[f"Ws_{i}"] = rng.standard_normal((hidden, d)) * 0.5 / math.sqrt(hidden)
            self.params[f"bs_{i}"] = np.zeros(d)
            self.params[f"Wt_{i}"] = rng.standard_normal((hidden, d)) * 0.5 / math.sqrt(hidden)
            self.params[f"bt_{i}"] = np.zeros(d)
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.betas, self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def _conditioner(self, i, xa):
        p = self.params
        h = np.tanh(np.einsum("nd,dh->nh", xa, p[f"W1_{i}"]) + p[f"b1_{i}"])
        s = np.tanh(np.einsum("nh,hd->nd", h, p[f"Ws_{i}"]) + p[f"bs_{i}"])
        t = np.einsum("nh,hd->nd", h, p[f"Wt_{i}"]) + p[f"bt_{i}"]
        return h, s, t

    def _forward(self, X):
        d = self.half
        x = X
        logdet = np.zeros(len(X), dtype=X.dtype)
        outputs = []
        for i in range(self.n_layers):
            _, s, t = self._conditioner(i, x[:, :d])
            y = x.copy()
            y[:, d:] = x[:, d:] * np.exp(s) + t
            logdet += np.einsum("nd->n", s)
            outputs.append(y)
            x = y[:, self.rev]
        return x, logdet, outputs

    def loss(self, X, y=None):
        z, logdet, _ = self._forward(X)
        nll = 0.5 * np.einsum("nd,nd->n", z, z) + 0.5 * self.dim * math.log(2 * math.pi) - logdet
        return nll.mean()

    def backward(self, X):
        p, d = self.params, self.half
        N = len(X)
        z, logdet, outputs = self._forward(X)
        loss = (0.5 * np.einsum("nd,nd->n", z, z) + 0.5 * self.dim * math.log(2 * math.pi)
                - logdet).mean()
        g = z / N
        for i in range(self.n_layers - 1, -1, -1):
            gy = np.empty_like(g)
            gy[:, self.rev] = g
            y = outputs[i]
            xa = y[:, :d]
            h, s, t = self._conditioner(i, xa)
            es = np.exp(s)
            xb = (y[:, d:] - t) / es                    # invert the coupling
            gyb = gy[:, d:]
            gs = (gyb * xb * es - 1.0 / N) * (1 - s * s)
            gt = gyb
            self.grads[f"Ws_{i}"] = np.einsum("nh,nd->hd", h, gs)
            self.grads[f"bs_{i}"] = np.einsum("nd->d", gs)
            self.grads[f"Wt_{i}"] = np.einsum("nh,nd->hd", h, gt)
            self.grads[f"bt_{i}"] = np.einsum("nd->d", gt)
            gh = (np.einsum("nd,hd->nh", gs, p[f"Ws_{i}"]) + np.einsum("nd,hd->nh", gt, p[f"Wt_{i}"]))
            gh *= 1 - h * h
            self.grads[f"W1_{i}"] = np.einsum("nd,nh->dh", xa, gh)
            self.grads[f"b1_{i}"] = np.einsum("nh->h", gh)
            g = np.empty_like(gy)
            g[:, :d] = gy[:, :d] + np.einsum("nh,dh->nd", gh, p[f"W1_{i}"])
            g[:, d:] = gyb * es
        return loss

    def update(self):
        b1, b2 = self.betas
        self.t += 1
        c2 = math.sqrt(1 - b2 ** self.t)
        step = self.lr * c2 / (1 - b1 ** self.t)
        for k, w in self.params.items():
            g = self.grads[k]
            m, v = self.m[k], self.v[k]
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * g * g
            w -= step * m / (np.sqrt(v) + self.eps * c2)

    def train_step(self, X, y):
        loss = self.backward(X)
        self.update()
        return float(loss)
