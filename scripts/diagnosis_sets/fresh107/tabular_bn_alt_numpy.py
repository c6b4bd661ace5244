"""TabularBNRegressor written another way: the same model and training as tabular_bn_numpy.py.

The embedding tables are a list (self.tables), the dense layers a list of dicts holding each
weight as (out, in), as torch.nn.Linear keeps it (z = x @ W.T, + b for the output layer, the
only one with a bias), and the batch-norm layers a list of dicts with their own running statistics. The batch norm backward walks the graph node by
node (d var, d mean, then d z); the Huber loss is written as 0.5 q^2 + delta (|r| - q) with
q = min(|r|, delta). The embedding gradient is accumulated with np.bincount per column of the
table instead of np.add.at. Adam keeps one state dict per parameter, as torch does
(step, exp_avg, exp_avg_sq), and each parameter carries its group's lr and weight decay.
"""

import math

import numpy as np

CARDS = (5, 4, 6)
DIMS = (3, 2, 3)
N_CAT, N_NUM = 3, 5
WIDTHS = (sum(DIMS) + N_NUM, 16, 8, 1)
NUM_MEAN = (88.0, 25.0, 3.2, 7.0, 5.0)
NUM_STD = (26.0, 13.5, 1.0, 5.0, 3.1)
EPS, BN_MOM, DELTA = 1e-3, 0.1, 1.0
LR, LR_EMB, WD = 0.01, 0.05, 1e-2
BETAS, ADAM_EPS = (0.9, 0.999), 1e-8


class TabularBNAlt:
    def __init__(self, seed=3):
        rng = np.random.default_rng(seed)
        self.tables = [rng.standard_normal((c, d)) for c, d in zip(CARDS, DIMS)]
        self.layers = []
        for i, (fan_in, fan_out) in enumerate(zip(WIDTHS[:-1], WIDTHS[1:])):
            scale = math.sqrt((2.0 if fan_out > 1 else 1.0) / fan_in)
            layer = {"W": rng.normal(0.0, scale, (fan_out, fan_in))}
            if i == len(WIDTHS) - 2:
                layer["b"] = np.full(fan_out, 1.5)
            self.layers.append(layer)
        self.norms = [{"gamma": 1.0 + 0.1 * rng.standard_normal(w), "beta": 0.1 * rng.standard_normal(w),
                       "running_mean": np.zeros(w), "running_var": np.ones(w)} for w in WIDTHS[1:3]]
        self.shift = np.array(NUM_MEAN)
        self.scale = np.array(NUM_STD)
        # (array holder, key, group lr, group weight decay)
        self.slots = ([(self.tables, j, LR_EMB, 0.0) for j in range(N_CAT)]
                      + [(layer, "W", LR, WD) for layer in self.layers]
                      + [(self.layers[-1], "b", LR, 0.0)]
                      + [(bn, k, LR, 0.0) for bn in self.norms for k in ("gamma", "beta")])
        self.state = [{"step": 0, "exp_avg": np.zeros_like(h[k]), "exp_avg_sq": np.zeros_like(h[k])}
                      for h, k, _, _ in self.slots]

    # ------------------------------------------------------------------ forward
    def _bn_forward(self, z, bn):
        n = z.shape[0]
        mu = np.sum(z, axis=0) / n
        zc = z - mu
        var = np.sum(zc * zc, axis=0) / n
        bn["running_mean"] = (1 - BN_MOM) * bn["running_mean"] + BN_MOM * mu
        bn["running_var"] = (1 - BN_MOM) * bn["running_var"] + BN_MOM * var * (n / (n - 1))
        std = np.sqrt(var + EPS)
        xhat = zc / std
        return bn["gamma"] * xhat + bn["beta"], (zc, std, xhat)

    def _forward(self, X):
        codes = X[:, :N_CAT].astype(np.int64)
        parts = [T[codes[:, j]] for j, T in enumerate(self.tables)]
        parts.append((X[:, N_CAT:] - self.shift) / self.scale)
        a = np.concatenate(parts, axis=1)
        trace = []
        for i, layer in enumerate(self.layers):
            z = a @ layer["W"].T
            if "b" in layer:
                z = z + layer["b"]
            if i < len(self.norms):
                zn, bn_cache = self._bn_forward(z, self.norms[i])
                trace.append((a, zn, bn_cache))
                a = np.where(zn > 0, zn, 0.0)
            else:
                trace.append((a, None, None))
                a = z
        return a, codes, trace

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _huber(r):
        q = np.minimum(np.abs(r), DELTA)
        return np.mean(0.5 * q * q + DELTA * (np.abs(r) - q))

    def loss(self, X, y):
        return self._huber(self.forward(X) - y)

    # ----------------------------------------------------------------- backward
    @staticmethod
    def _bn_backward(dzn, bn, cache):
        zc, std, xhat = cache
        n = dzn.shape[0]
        dgamma = np.sum(dzn * xhat, axis=0)
        dbeta = np.sum(dzn, axis=0)
        dxhat = dzn * bn["gamma"]
        dvar = np.sum(dxhat * zc, axis=0) * -0.5 / std ** 3
        dmu = -np.sum(dxhat, axis=0) / std + dvar * np.sum(-2.0 * zc, axis=0) / n
        dz = dxhat / std + dvar * 2.0 * zc / n + dmu / n
        return dz, dgamma, dbeta

    def _gradients(self, X, y):
        out, codes, trace = self._forward(X)
        r = out - y
        loss = self._huber(r)
        grads = {}
        d = np.clip(r, -DELTA, DELTA) / r.size
        for i in reversed(range(len(self.layers))):
            a_in, zn, bn_cache = trace[i]
            if zn is not None:
                d = d * (zn > 0)
                d, grads[("gamma", i)], grads[("beta", i)] = self._bn_backward(d, self.norms[i], bn_cache)
            grads[("W", i)] = d.T @ a_in
            if "b" in self.layers[i]:
                grads[("b", i)] = d.sum(axis=0)
            d = d @ self.layers[i]["W"]
        off = 0
        for j, (c, dim) in enumerate(zip(CARDS, DIMS)):
            block = d[:, off:off + dim]
            grads[("E", j)] = np.stack([np.bincount(codes[:, j], weights=block[:, k], minlength=c)
                                        for k in range(dim)], axis=1).astype(block.dtype)
            off += dim
        return loss, grads

    def _grad_of(self, grads, holder, key):
        if holder is self.tables:
            return grads[("E", key)]
        if any(holder is layer for layer in self.layers):
            i = next(i for i, layer in enumerate(self.layers) if layer is holder)
            return grads[(key, i)]
        i = next(i for i, bn in enumerate(self.norms) if bn is holder)
        return grads[(key, i)]

    def train_step(self, X, y):
        loss, grads = self._gradients(X, y)
        b1, b2 = BETAS
        for (holder, key, lr, wd), st in zip(self.slots, self.state):
            param = holder[key]
            g = self._grad_of(grads, holder, key)
            if wd:
                g = g + wd * param
            st["step"] += 1
            st["exp_avg"] *= b1
            st["exp_avg"] += (1 - b1) * g
            st["exp_avg_sq"] *= b2
            st["exp_avg_sq"] += (1 - b2) * g * g
            step_size = lr / (1 - b1 ** st["step"])
            denom = np.sqrt(st["exp_avg_sq"]) / math.sqrt(1 - b2 ** st["step"]) + ADAM_EPS
            param -= step_size * st["exp_avg"] / denom
        return float(loss)
