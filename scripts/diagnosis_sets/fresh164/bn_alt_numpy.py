"""bn_numpy.py written another way: layers as dicts, weights kept (out, in) as nn.Linear keeps
them, matrix products by einsum, the batch-norm backward through dvar and dmean, and the
Nesterov step in place in its expanded form p -= lr * ((1 + mu) g + mu^2 v_old).
Same model, loss and optimizer as bn_numpy.py.
"""

import numpy as np


class BNRegressorAlt:
    def __init__(self, n_in=6, hidden=24, lr=0.05, momentum=0.9, weight_decay=5e-3,
                 drop=0.25, eps=1e-5, bn_momentum=0.1, seed=0):
        rng = np.random.default_rng(seed)
        self.n_in = n_in
        self.fc1 = {"W": rng.normal(0.0, np.sqrt(2.0 / n_in), (hidden, n_in)),
                    "b": rng.normal(0.0, 0.1, hidden)}
        self.bn = {"gamma": 1.0 + 0.1 * rng.normal(size=hidden),
                   "beta": 0.1 * rng.normal(size=hidden),
                   "running_mean": np.zeros(hidden), "running_var": np.ones(hidden)}
        self.fc2 = {"W": rng.normal(0.0, 1.0 / np.sqrt(hidden), (1, hidden)),
                    "b": np.zeros(1)}
        self.slots = [(self.fc1, "W"), (self.fc1, "b"), (self.bn, "gamma"), (self.bn, "beta"),
                      (self.fc2, "W"), (self.fc2, "b")]
        self.buf = [np.zeros_like(layer[key]) for layer, key in self.slots]
        self.lr, self.mu, self.wd = lr, momentum, weight_decay
        self.keep, self.eps, self.bn_m = 1.0 - drop, eps, bn_momentum
        self.eval_out = None

    def _predict(self, X, training):
        x = X[:, :self.n_in]
        z1 = np.einsum("ni,hi->nh", x, self.fc1["W"]) + self.fc1["b"]
        bn = self.bn
        if training:
            mean = z1.sum(axis=0) / z1.shape[0]
            c = z1 - mean
            var = (c * c).sum(axis=0) / z1.shape[0]
            n = z1.shape[0]
            bn["running_mean"] *= 1 - self.bn_m
            bn["running_mean"] += self.bn_m * mean
            bn["running_var"] *= 1 - self.bn_m
            bn["running_var"] += self.bn_m * n / (n - 1) * var
        else:
            mean, var = bn["running_mean"], bn["running_var"]
            c = z1 - mean
        std = np.sqrt(var + self.eps)
        xhat = c / std
        zn = bn["gamma"] * xhat + bn["beta"]
        a = np.where(zn > 0, zn, 0.0)
        d = a * (X[:, self.n_in:] / self.keep) if training else a
        out = np.einsum("nh,oh->no", d, self.fc2["W"]) + self.fc2["b"]
        return out.reshape(-1), (x, c, std, xhat, zn, d)

    def train_step(self, X, y):
        pred, (x, c, std, xhat, zn, d) = self._predict(X, True)
        n = len(y)
        r = pred - y
        loss = (r * r).sum() / n
        dout = (r * (2.0 / n)).reshape(n, 1)
        gW2 = np.einsum("no,nh->oh", dout, d)
        gb2 = dout.sum(axis=0)
        dd = np.einsum("no,oh->nh", dout, self.fc2["W"])
        dzn = dd * (X[:, self.n_in:] / self.keep) * (zn > 0)
        ggamma = np.einsum("nh,nh->h", dzn, xhat)
        gbeta = dzn.sum(axis=0)
        dxhat = dzn * self.bn["gamma"]
        dvar = -0.5 * (dxhat * c).sum(axis=0) / std ** 3
        dmean = -dxhat.sum(axis=0) / std - 2.0 * dvar * c.sum(axis=0) / n
        dz1 = dxhat / std + dvar * 2.0 * c / n + dmean / n
        gW1 = np.einsum("nh,ni->hi", dz1, x)
        gb1 = dz1.sum(axis=0)
        grads = [gW1, gb1, ggamma, gbeta, gW2, gb2]

        for (layer, key), v, g in zip(self.slots, self.buf, grads):
            p = layer[key]
            g = g + self.wd * p
            step = (1 + self.mu) * g + self.mu * self.mu * v
            v *= self.mu
            v += g
            p -= self.lr * step
        self.eval_out = self._predict(X, False)[0]
        return float(loss)
