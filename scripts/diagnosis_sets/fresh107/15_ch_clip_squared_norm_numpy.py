"""A customer-value regressor with embeddings, an input batch norm on the numeric columns and a
batch-normalised SiLU layer, from scratch in NumPy.

X holds two integer-coded categorical columns (plan, contract; stored as floats) and four raw
numeric columns on very different scales, which a batch norm of their own without affine
parameters standardises inside the network (batch statistics, no gradient needed: X is data):

    h0  = [E0[c0], E1[c1], bn_in(x_num)]          (N, 4 + 2 + 4)
    a   = silu(bn1(h0 @ W1))                      (N, 16)
    out = a @ W2 + b2                             (N, 1)
    loss = mean((out - y)^2)

Both batch norms: training mode, batch mean, biased variance, eps 1e-5, running statistics with
momentum 0.1. The gradients are clipped to a global L2 norm of MAX_NORM
(torch.nn.utils.clip_grad_norm_: multiply all by MAX_NORM / (norm + 1e-6) when that is below 1),
then AdamW (as torch.optim.AdamW) with three parameter groups: dense weights W1, W2 at LR with
decoupled weight decay WD, the embedding tables at LR_EMB without decay, the output bias and the
batch-norm parameters at LR without decay; a linear warmup multiplies every rate by min(1, t / WARMUP) at
the t-th update.

    X: float (N, 6), y: float (N, 1)
"""

import math

import numpy as np

CARDS = (7, 3)
DIMS = (4, 2)
N_CAT, N_NUM = 2, 4
H = 16
EPS, BN_MOM = 1e-5, 0.1
LR, LR_EMB, WD = 0.02, 0.05, 0.1
BETA1, BETA2, ADAM_EPS = 0.9, 0.999, 1e-8
MAX_NORM, WARMUP = 0.5, 4
DENSE = ("W1", "W2")
EMB = ("E0", "E1")


class ChurnNet:
    def __init__(self, seed=11):
        rng = np.random.default_rng(seed)
        d_in = sum(DIMS) + N_NUM
        self.params = {
            "E0": rng.standard_normal((CARDS[0], DIMS[0])),
            "E1": rng.standard_normal((CARDS[1], DIMS[1])),
            "W1": rng.normal(0.0, math.sqrt(2.0 / d_in), (d_in, H)),
            "gamma1": 1.0 + 0.1 * rng.standard_normal(H),
            "beta1": 0.1 * rng.standard_normal(H),
            "W2": rng.normal(0.0, math.sqrt(1.0 / H), (H, 1)),
            "b2": np.zeros(1),
        }
        self.running = {"in": [np.zeros(N_NUM), np.ones(N_NUM)], "h": [np.zeros(H), np.ones(H)]}
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0
        self.grads = {}

    def _bn(self, z, gamma, beta, name):
        """Batch norm in training mode; gamma = beta = None for the one without affine parameters."""
        n = z.shape[0]
        mean = z.mean(axis=0)
        var = z.var(axis=0)
        rm, rv = self.running[name]
        self.running[name] = [(1 - BN_MOM) * rm + BN_MOM * mean,
                              (1 - BN_MOM) * rv + BN_MOM * var * n / (n - 1)]
        inv_std = 1.0 / np.sqrt(var + EPS)
        xhat = (z - mean) * inv_std
        if gamma is None:
            return xhat, xhat, inv_std
        return gamma * xhat + beta, xhat, inv_std

    def forward(self, X):
        p = self.params
        codes = X[:, :N_CAT].astype(np.int64)
        num, _, _ = self._bn(X[:, N_CAT:], None, None, "in")
        h0 = np.concatenate([p["E0"][codes[:, 0]], p["E1"][codes[:, 1]], num], axis=1)
        z = h0 @ p["W1"]
        zn, xhat, inv_std = self._bn(z, p["gamma1"], p["beta1"], "h")
        s = 1.0 / (1.0 + np.exp(-zn))
        a = zn * s
        out = a @ p["W2"] + p["b2"]
        self.cache = (codes, h0, xhat, inv_std, zn, s, a)
        return out

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, X, y):
        p = self.params
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        codes, h0, xhat, inv_std, zn, s, a = self.cache
        n = X.shape[0]
        g = {}
        dout = 2.0 * (out - y) / y.size
        g["W2"] = a.T @ dout
        g["b2"] = dout.sum(axis=0)
        dzn = (dout @ p["W2"].T) * (s * (1.0 + zn * (1.0 - s)))
        g["gamma1"] = (dzn * xhat).sum(axis=0)
        g["beta1"] = dzn.sum(axis=0)
        dxhat = dzn * p["gamma1"]
        dz = (inv_std / n) * (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0))
        g["W1"] = h0.T @ dz
        dh0 = dz @ p["W1"].T
        d0, d1 = DIMS
        gE0 = np.zeros_like(p["E0"])
        np.add.at(gE0, codes[:, 0], dh0[:, :d0])
        gE1 = np.zeros_like(p["E1"])
        np.add.at(gE1, codes[:, 1], dh0[:, d0:d0 + d1])
        g["E0"], g["E1"] = gE0, gE1
        self.grads = g
        return loss

    def clip(self):
        total = sum(float(np.sum(gk * gk)) for gk in self.grads.values())  # fix: total = math.sqrt(sum(float(np.sum(gk * gk)) for gk in self.grads.values()))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            for k in self.grads:
                self.grads[k] = self.grads[k] * coef

    def update(self):
        self.t += 1
        warm = min(1.0, self.t / WARMUP)
        bc1 = 1.0 - BETA1 ** self.t
        bc2 = 1.0 - BETA2 ** self.t
        for k, w in self.params.items():
            grad = self.grads[k]
            lr = (LR_EMB if k in EMB else LR) * warm
            if k in DENSE:
                w *= 1.0 - lr * WD
            self.m[k] = BETA1 * self.m[k] + (1 - BETA1) * grad
            self.v[k] = BETA2 * self.v[k] + (1 - BETA2) * grad * grad
            denom = np.sqrt(self.v[k] / bc2) + ADAM_EPS
            w -= lr * (self.m[k] / bc1) / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip()
        self.update()
        return float(loss)
