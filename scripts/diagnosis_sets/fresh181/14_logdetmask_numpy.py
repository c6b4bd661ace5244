"""RealNVP with alternating binary masks on 2-D two-moons data, written by hand in NumPy.

Layer i keeps the coordinates where mask_i = 1 (mask [1, 0] for even i, [0, 1] for odd i)
and transforms the others with a ReLU MLP run on the masked input:
    h = relu((x * m) W1 + b1),   [r, t] = h W2 + b2 (2 + 2 outputs),
    s = scale * tanh(r) * (1 - m),   t = t * (1 - m),
    y = x * m + (1 - m) * (x * exp(s) + t),   log|det| = sum(s).
Loss: mean over the batch of -log N(z; 0, I) - the summed log-determinants.
SGD with heavy-ball momentum as torch.optim.SGD (v = mu v + g; w -= lr v).
"""

import math

import numpy as np


class MoonsFlow:
    def __init__(self, dim=2, hidden=24, n_layers=4, lr=0.05, momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)
        self.dim, self.n_layers = dim, n_layers
        self.lr, self.momentum = lr, momentum
        self.params = {}
        for i in range(n_layers):
            self.params[f"l{i}.W1"] = rng.standard_normal((dim, hidden)) * math.sqrt(2.0 / dim)
            self.params[f"l{i}.b1"] = 0.1 * rng.standard_normal(hidden)
            self.params[f"l{i}.W2"] = rng.standard_normal((hidden, 2 * dim)) * 0.3 / math.sqrt(hidden)
            self.params[f"l{i}.b2"] = np.zeros(2 * dim)
            self.params[f"l{i}.scale"] = np.ones(dim)
        self.grads = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.velocity = {k: np.zeros_like(w) for k, w in self.params.items()}

    def mask(self, i, dtype):
        return (np.arange(self.dim) % 2 == i % 2).astype(dtype)

    def _forward(self, X):
        p, D = self.params, self.dim
        x = X
        logdet = np.zeros(X.shape[0], dtype=X.dtype)
        cache = []
        for i in range(self.n_layers):
            m = self.mask(i, X.dtype)
            xm = x * m
            pre = xm @ p[f"l{i}.W1"] + p[f"l{i}.b1"]
            h = np.maximum(pre, 0)
            out = h @ p[f"l{i}.W2"] + p[f"l{i}.b2"]
            th = np.tanh(out[:, :D])
            s = p[f"l{i}.scale"] * th * (1 - m)
            t = out[:, D:] * (1 - m)
            es = np.exp(s)
            cache.append((x, m, xm, pre, h, th, es))
            x = xm + (1 - m) * (x * es + t)
            logdet = logdet + (p[f"l{i}.scale"] * th).sum(axis=1)
        return x, logdet, cache

    def _nll(self, z, logdet):
        log_pz = -0.5 * np.sum(z * z, axis=1) - 0.5 * self.dim * math.log(2 * math.pi)
        return -np.mean(log_pz + logdet)

    def loss(self, X, y=None):
        z, logdet, _ = self._forward(X)
        return self._nll(z, logdet)

    def backward(self, X):
        p, D = self.params, self.dim
        N = X.shape[0]
        z, logdet, cache = self._forward(X)
        loss = self._nll(z, logdet)
        dy = z / N
        for i in range(self.n_layers - 1, -1, -1):
            x, m, xm, pre, h, th, es = cache[i]
            dx = dy * m + dy * (1 - m) * es                  # the direct paths x -> y
            ds = dy * (1 - m) * x * es * (1 - m) - 1.0 / N   # through exp(s) and the log-det
            self.grads[f"l{i}.scale"] = (ds * th).sum(axis=0)
            dr = ds * p[f"l{i}.scale"] * (1 - th ** 2)
            dt = dy * (1 - m)
            dout = np.concatenate([dr, dt], axis=1)
            self.grads[f"l{i}.W2"] = h.T @ dout
            self.grads[f"l{i}.b2"] = dout.sum(axis=0)
            dpre = (dout @ p[f"l{i}.W2"].T) * (pre > 0)
            self.grads[f"l{i}.W1"] = xm.T @ dpre
            self.grads[f"l{i}.b1"] = dpre.sum(axis=0)
            dx = dx + (dpre @ p[f"l{i}.W1"].T) * m
            dy = dx
        return loss

    def step(self):
        for k, w in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            w -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X)
        self.step()
        return float(loss)
