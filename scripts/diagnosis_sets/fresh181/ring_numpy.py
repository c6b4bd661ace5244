"""RealNVP-style flow on 4-D data, trained by maximum likelihood, from scratch in NumPy.

Each of the 4 affine coupling layers splits x = [xa, xb] (2 + 2 coordinates), runs a small
MLP on xa:  h = tanh(xa W1 + b1),  s = tanh(h Ws + bs),  t = h Wt + bt,  and maps
    yb = xb * exp(s) + t,      y = [xa, yb],      log|det| = sum(s),
then reverses the coordinates so the next layer transforms the other half.
Loss: the mean over the batch of  -log N(z; 0, I) - sum of the layers' log-determinants.
Adam (torch.optim.Adam's formula), all gradients written by hand.
"""

import math

import numpy as np


class RingFlow:
    def __init__(self, dim=4, hidden=16, n_layers=4, lr=1e-2, betas=(0.9, 0.999), eps=1e-8,
                 seed=0):
        rng = np.random.default_rng(seed)
        self.dim, self.half, self.n_layers = dim, dim // 2, n_layers
        d = self.half
        self.params = {}
        for i in range(n_layers):
            self.params[f"W1_{i}"] = rng.standard_normal((d, hidden)) / math.sqrt(d)
            self.params[f"b1_{i}"] = 0.1 * rng.standard_normal(hidden)
            self.params[f"Ws_{i}"] = rng.standard_normal((hidden, d)) * 0.5 / math.sqrt(hidden)
            self.params[f"bs_{i}"] = np.zeros(d)
            self.params[f"Wt_{i}"] = rng.standard_normal((hidden, d)) * 0.5 / math.sqrt(hidden)
            self.params[f"bt_{i}"] = np.zeros(d)
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def _forward(self, X):
        p, d = self.params, self.half
        x = X
        logdet = np.zeros(X.shape[0], dtype=X.dtype)
        caches = []
        for i in range(self.n_layers):
            xa, xb = x[:, :d], x[:, d:]
            h = np.tanh(xa @ p[f"W1_{i}"] + p[f"b1_{i}"])
            s = np.tanh(h @ p[f"Ws_{i}"] + p[f"bs_{i}"])
            t = h @ p[f"Wt_{i}"] + p[f"bt_{i}"]
            es = np.exp(s)
            yb = xb * es + t
            logdet = logdet + s.sum(axis=1)
            caches.append((xa, xb, h, s, es))
            x = np.concatenate([xa, yb], axis=1)[:, ::-1]
        return x, logdet, caches

    def _nll(self, z, logdet):
        log_pz = -0.5 * (z ** 2).sum(axis=1) - 0.5 * self.dim * math.log(2 * math.pi)
        return -(log_pz + logdet).mean()

    def loss(self, X, y=None):
        z, logdet, _ = self._forward(X)
        return self._nll(z, logdet)

    def backward(self, X):
        p, d = self.params, self.half
        N = X.shape[0]
        z, logdet, caches = self._forward(X)
        loss = self._nll(z, logdet)
        dx = z / N                   # d loss / d z
        dlogdet = -1.0 / N           # d loss / d logdet, every sample
        for i in reversed(range(self.n_layers)):
            xa, xb, h, s, es = caches[i]
            dy = dx[:, ::-1]         # undo the reversal
            dxa, dyb = dy[:, :d], dy[:, d:]
            dxb = dyb * es
            dt = dyb
            ds = dyb * xb * es + dlogdet
            dsp = ds * (1 - s ** 2)
            self.grads[f"Ws_{i}"] = h.T @ dsp
            self.grads[f"bs_{i}"] = dsp.sum(axis=0)
            self.grads[f"Wt_{i}"] = h.T @ dt
            self.grads[f"bt_{i}"] = dt.sum(axis=0)
            dh = dsp @ p[f"Ws_{i}"].T + dt @ p[f"Wt_{i}"].T
            dhp = dh * (1 - h ** 2)
            self.grads[f"W1_{i}"] = xa.T @ dhp
            self.grads[f"b1_{i}"] = dhp.sum(axis=0)
            dxa = dxa + dhp @ p[f"W1_{i}"].T
            dx = np.concatenate([dxa, dxb], axis=1)
        return loss

    def update(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, w in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            w -= (self.lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X)
        self.update()
        return float(loss)
