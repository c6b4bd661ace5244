"""Deep Sets regression with masked mean pooling (variant of mean_numpy.py, same model).

Weights are kept in the torch layout (out, in) and applied with einsum; the masked mean is a
contraction with per-set weights mask / count; Adam is written in place with torch's step
form: p -= (lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps).
"""

import math

import numpy as np


class MeanDeepSetAlt:
    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)

        def glorot(fan_in, fan_out):
            # drawn (in, out) as mean_numpy.py does, stored (out, in)
            return (rng.standard_normal((fan_in, fan_out))
                    * math.sqrt(2.0 / (fan_in + fan_out))).T.copy()

        self.params = {}
        self.params["W1"] = glorot(2, 16)
        self.params["b1"] = 0.1 * rng.standard_normal(16)
        self.params["W2"] = glorot(16, 16)
        self.params["b2"] = 0.1 * rng.standard_normal(16)
        self.params["W3"] = glorot(16, 16)
        self.params["b3"] = 0.1 * rng.standard_normal(16)
        self.params["W4"] = glorot(16, 1)
        self.params["b4"] = np.zeros(1)
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.grads = {}
        self.lr, self.b1, self.b2, self.eps = 0.01, 0.9, 0.999, 1e-8
        self.step_count = 0

    def _forward(self, X):
        P = self.params
        x = X[..., :2]
        w = X[..., 2] / X[..., 2].sum(axis=1, keepdims=True)     # (N, S) mean weights
        a1 = np.einsum("nsf,hf->nsh", x, P["W1"]) + P["b1"]
        h = a1 * (a1 > 0)
        e = np.tanh(np.einsum("nsh,eh->nse", h, P["W2"]) + P["b2"])
        pooled = np.einsum("ns,nse->ne", w, e)
        r = np.tanh(np.einsum("ne,he->nh", pooled, P["W3"]) + P["b3"])
        pred = np.einsum("nh,oh->n", r, P["W4"]) + P["b4"][0]
        return pred, (x, w, a1, h, e, pooled, r)

    def loss(self, X, y):
        pred, _ = self._forward(X)
        return float(((pred - y) ** 2).mean())

    def train_step(self, X, y):
        P = self.params
        pred, (x, w, a1, h, e, pooled, r) = self._forward(X)
        err = pred - y
        loss = (err ** 2).mean()
        g = {}
        dpred = err * (2.0 / len(y))                                # (N,)
        g["W4"] = np.einsum("n,nh->h", dpred, r)[None, :]
        g["b4"] = np.array([dpred.sum()], dtype=dpred.dtype)
        dz3 = np.einsum("n,oh->nh", dpred, P["W4"]) * (1 - r * r)
        g["W3"] = np.einsum("nh,ne->he", dz3, pooled)
        g["b3"] = dz3.sum(0)
        de = np.einsum("nh,he->ne", dz3, P["W3"])
        dz2 = np.einsum("ns,ne->nse", w, de) * (1 - e * e)
        g["W2"] = np.einsum("nse,nsh->eh", dz2, h)
        g["b2"] = dz2.sum((0, 1))
        da1 = np.einsum("nse,eh->nsh", dz2, P["W2"]) * (a1 > 0)
        g["W1"] = np.einsum("nsh,nsf->hf", da1, x)
        g["b1"] = da1.sum((0, 1))
        self.grads = g

        self.step_count += 1
        bc1 = 1.0 - self.b1 ** self.step_count
        bc2 = 1.0 - self.b2 ** self.step_count
        for k in P:
            self.m[k] *= self.b1
            self.m[k] += (1 - self.b1) * g[k]
            self.v[k] *= self.b2
            self.v[k] += (1 - self.b2) * g[k] * g[k]
            P[k] -= (self.lr / bc1) * self.m[k] / (np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps)
        return float(loss)
