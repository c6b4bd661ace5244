"""Affine-coupling flow on 6-D data with a fixed random permutation after every layer,
maximum likelihood, NumPy only (backward and AdamW by hand).

Coupling i: xa = x[:, :3] conditions xb = x[:, 3:] through a leaky-ReLU MLP
    h = leaky_relu(xa W1 + b1, 0.1),  [r, t] = h W2 + b2,  s = tanh(r),
    yb = xb * exp(s) + t,  log|det| = sum(s),  then x = [xa, yb][:, perm_i].
The permutations come from np.random.default_rng(7) (one permutation of 6 per layer).
Loss: mean over the batch of -log N(z; 0, I) - sum of log-determinants.
AdamW as torch.optim.AdamW: w *= 1 - lr wd, then the bias-corrected Adam step.
"""

import math

import numpy as np


def make_perms(dim, n_layers, seed=7):
    rng = np.random.default_rng(seed)
    return [rng.permutation(dim) for _ in range(n_layers)]


class Mix6Flow:
    def __init__(self, dim=6, hidden=32, n_layers=4, lr=5e-3, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=1e-2, seed=2):
        rng = np.random.default_rng(seed)
        self.dim, self.d, self.n_layers = dim, dim // 2, n_layers
        d = self.d
        self.perms = make_perms(dim, n_layers)
        self.params = {}
        for i in range(n_layers):
            self.params[f"c{i}_W1"] = rng.standard_normal((d, hidden)) / math.sqrt(d)
            self.params[f"c{i}_b1"] = np.zeros(hidden)
            self.params[f"c{i}_W2"] = rng.standard_normal((hidden, 2 * (dim - d))) * 0.4 / math.sqrt(hidden)
            self.params[f"c{i}_b2"] = np.zeros(2 * (dim - d))
        self.grads = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.lr, (self.beta1, self.beta2), self.eps, self.wd = lr, betas, eps, weight_decay
        self.m = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.v = {k: np.zeros_like(w) for k, w in self.params.items()}
        self.t = 0

    def _forward(self, X):
        p, d = self.params, self.d
        x, logdet, cache = X, 0.0, []
        for i in range(self.n_layers):
            xa, xb = x[:, :d], x[:, d:]
            pre = xa @ p[f"c{i}_W1"] + p[f"c{i}_b1"]
            h = np.where(pre > 0, pre, 0.1 * pre)
            out = h @ p[f"c{i}_W2"] + p[f"c{i}_b2"]
            k = out.shape[1] // 2
            s, t = np.tanh(out[:, :k]), out[:, k:]
            es = np.exp(s)
            y = np.concatenate([xa, xb * es + t], axis=1)
            logdet = logdet + s.sum(axis=1)
            cache.append((xa, xb, pre, h, s, es))
            x = y[:, self.perms[i]]
        return x, logdet, cache

    def _nll(self, z, logdet):
        log_pz = -0.5 * (z ** 2).sum(axis=1) - 0.5 * self.dim * math.log(2 * math.pi)
        return -(log_pz + logdet).mean()

    def loss(self, X, y=None):
        z, logdet, _ = self._forward(X)
        return self._nll(z, logdet)

    def backward(self, X):
        p, d = self.params, self.d
        N = X.shape[0]
        z, logdet, cache = self._forward(X)
        loss = self._nll(z, logdet)
        dx = z / N
        for i in range(self.n_layers - 1, -1, -1):
            xa, xb, pre, h, s, es = cache[i]
            dy = dx[:, self.perms[i]]              # back through the permutation
            dya, dyb = dy[:, :d], dy[:, d:]
            ds = dyb * xb * es - 1.0 / N
            dr = ds * (1 - s * s)
            dout = np.concatenate([dr, dyb], axis=1)
            self.grads[f"c{i}_W2"] = h.T @ dout
            self.grads[f"c{i}_b2"] = dout.sum(axis=0)
            dh = dout @ p[f"c{i}_W2"].T
            dpre = np.where(pre > 0, dh, 0.1 * dh)
            self.grads[f"c{i}_W1"] = xa.T @ dpre
            self.grads[f"c{i}_b1"] = dpre.sum(axis=0)
            dx = np.concatenate([dya + dpre @ p[f"c{i}_W1"].T, dyb * es], axis=1)
        return loss

    def adamw(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, w in self.params.items():
            g = self.grads[k]
            w *= 1 - self.lr * self.wd
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * (g * g)
            w -= (self.lr / bc1) * self.m[k] / (np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X)
        self.adamw()
        return float(loss)
