"""ln_numpy.py written another way: weights kept (out, in), the loss through logsumexp, the
layer-norm backward through dvar and dmean, and AdamW in place in torch's arrangement
(step size lr / bc1, denominator sqrt(v) / sqrt(bc2) + eps). Same model as ln_numpy.py.
"""

import math

import numpy as np

K = math.sqrt(2.0 / math.pi)
A = 0.044715


class LNClassifierAlt:
    def __init__(self, n_in=8, hidden=32, n_classes=4, keep=0.8, seed=1):
        rng = np.random.default_rng(seed)
        self.n_in, self.keep = n_in, keep
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (hidden, n_in))
        self.b1 = rng.normal(0.0, 0.1, hidden)
        self.g = 1.0 + 0.1 * rng.normal(size=hidden)
        self.s = 0.1 * rng.normal(size=hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (n_classes, hidden))
        self.b2 = np.zeros(n_classes)
        self.order = ["W1", "b1", "g", "s", "W2", "b2"]
        self.decayed = {"W1", "W2"}
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.order}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.order}
        self.step_count = 0

    def train_step(self, X, y):
        n = X.shape[0]
        x, keep_mask = X[:, :self.n_in], X[:, self.n_in:]
        z = x @ self.W1.T + self.b1
        c = z - z.mean(axis=1, keepdims=True)
        var = (c ** 2).mean(axis=1, keepdims=True)
        std = np.sqrt(var + 1e-5)
        zh = c / std
        h = self.g * zh + self.s
        u = K * (h + A * h ** 3)
        t = np.tanh(u)
        act = 0.5 * h * (1.0 + t)
        d = act * keep_mask / self.keep
        logits = d @ self.W2.T + self.b2
        mx = logits.max(axis=1, keepdims=True)
        lse = mx[:, 0] + np.log(np.exp(logits - mx).sum(axis=1))
        loss = (lse - logits[np.arange(n), y]).mean()

        dl = np.exp(logits - lse[:, None])
        dl[np.arange(n), y] -= 1.0
        dl /= n
        grads = {"W2": dl.T @ d, "b2": dl.sum(axis=0)}
        dact = (dl @ self.W2) * keep_mask / self.keep
        dh = dact * (0.5 * (1.0 + t) + 0.5 * h * (1.0 - t ** 2) * K * (1.0 + 3.0 * A * h ** 2))
        grads["g"] = (dh * zh).sum(axis=0)
        grads["s"] = dh.sum(axis=0)
        dzh = dh * self.g
        H = z.shape[1]
        dvar = (dzh * c).sum(axis=1, keepdims=True) * -0.5 / std ** 3
        dmu = -dzh.sum(axis=1, keepdims=True) / std - 2.0 * dvar * c.mean(axis=1, keepdims=True)
        dz = dzh / std + dvar * 2.0 * c / H + dmu / H
        grads["W1"] = dz.T @ x
        grads["b1"] = dz.sum(axis=0)
        self.grads = grads

        self.step_count += 1
        lr, b1, b2, eps, wd = 0.01, 0.9, 0.999, 1e-8, 0.05
        bc1 = 1.0 - b1 ** self.step_count
        bc2 = 1.0 - b2 ** self.step_count
        for k in self.order:
            p, gk, m, v = getattr(self, k), grads[k], self.m[k], self.v[k]
            if k in self.decayed:
                p *= 1.0 - lr * wd
            m *= b1
            m += (1.0 - b1) * gk
            v *= b2
            v += (1.0 - b2) * gk * gk
            p -= (lr / bc1) * m / (np.sqrt(v) / math.sqrt(bc2) + eps)
        return float(loss)
