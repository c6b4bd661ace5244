"""ChurnNet written another way: the same model and training as churn_numpy.py.

All parameters live in one flat float vector self.theta; self.params holds named views into it
(so an update of theta reaches every parameter), and the gradient is one flat vector with views
self.grads. AdamW runs on the whole vector at once: per-element learning-rate and weight-decay
vectors stand for the parameter groups, the moments are flat vectors, the bias corrections are
folded into the step size as torch writes them. Clipping uses np.linalg.norm of the flat
gradient. Batch norm is written with the two-pass variance through np.einsum, SiLU through
np.logaddexp, and the embedding gradient as a one-hot matrix product (onehot.T @ d) instead of a
scatter-add.
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
D_IN = sum(DIMS) + N_NUM
LAYOUT = (("E0", (CARDS[0], DIMS[0])), ("E1", (CARDS[1], DIMS[1])), ("W1", (D_IN, H)),
          ("gamma1", (H,)), ("beta1", (H,)), ("W2", (H, 1)), ("b2", (1,)))


class ChurnNetAlt:
    def __init__(self, seed=5):
        rng = np.random.default_rng(seed)
        sizes = [math.prod(shape) for _, shape in LAYOUT]
        self.theta = np.zeros(sum(sizes))
        self.gflat = np.zeros_like(self.theta)
        self.params, self.grads, self.slices = {}, {}, {}
        start = 0
        for (name, shape), size in zip(LAYOUT, sizes):
            sl = slice(start, start + size)
            self.slices[name] = sl
            self.params[name] = self.theta[sl].reshape(shape)
            self.grads[name] = self.gflat[sl].reshape(shape)
            start += size
        self.params["E0"][...] = rng.standard_normal(self.params["E0"].shape)
        self.params["E1"][...] = rng.standard_normal(self.params["E1"].shape)
        self.params["W1"][...] = rng.normal(0.0, math.sqrt(2.0 / D_IN), (D_IN, H))
        self.params["gamma1"][...] = 1.0 + 0.1 * rng.standard_normal(H)
        self.params["beta1"][...] = 0.1 * rng.standard_normal(H)
        self.params["W2"][...] = rng.normal(0.0, math.sqrt(1.0 / H), (H, 1))
        self.lr_vec = np.full_like(self.theta, LR)
        self.wd_vec = np.zeros_like(self.theta)
        for name in ("E0", "E1"):
            self.lr_vec[self.slices[name]] = LR_EMB
        for name in ("W1", "W2"):
            self.wd_vec[self.slices[name]] = WD
        self.mom1 = np.zeros_like(self.theta)
        self.mom2 = np.zeros_like(self.theta)
        self.n_updates = 0
        self.stats = {"in": (np.zeros(N_NUM), np.ones(N_NUM)), "h": (np.zeros(H), np.ones(H))}

    def _norm(self, z, key):
        n = z.shape[0]
        mu = np.einsum("ij->j", z) / n
        zc = z - mu
        var = np.einsum("ij,ij->j", zc, zc) / n
        rm, rv = self.stats[key]
        self.stats[key] = (rm + BN_MOM * (mu - rm), rv + BN_MOM * (var * n / (n - 1) - rv))
        rstd = 1.0 / np.sqrt(var + EPS)
        return zc * rstd, rstd

    def _run(self, X):
        p = self.params
        codes = X[:, :N_CAT].astype(np.int64)
        oh0 = (codes[:, :1] == np.arange(CARDS[0])).astype(X.dtype)
        oh1 = (codes[:, 1:2] == np.arange(CARDS[1])).astype(X.dtype)
        num, _ = self._norm(X[:, N_CAT:], "in")
        h0 = np.hstack([oh0 @ p["E0"], oh1 @ p["E1"], num])
        xhat, rstd = self._norm(h0 @ p["W1"], "h")
        zn = xhat * p["gamma1"] + p["beta1"]
        sig = np.exp(-np.logaddexp(0.0, -zn)).astype(zn.dtype)
        a = zn * sig
        out = a @ p["W2"] + p["b2"]
        return out, (oh0, oh1, h0, xhat, rstd, zn, sig, a)

    def loss(self, X, y):
        out, _ = self._run(X)
        return np.mean(np.square(out - y))

    def train_step(self, X, y):
        p, g = self.params, self.grads
        out, (oh0, oh1, h0, xhat, rstd, zn, sig, a) = self._run(X)
        err = out - y
        loss = np.mean(err * err)
        n = X.shape[0]
        dout = (2.0 / err.size) * err
        g["W2"][...] = a.T @ dout
        g["b2"][...] = dout.sum(axis=0)
        dzn = (dout @ p["W2"].T) * (sig + zn * sig * (1.0 - sig))
        g["gamma1"][...] = np.einsum("ij,ij->j", dzn, xhat)
        g["beta1"][...] = dzn.sum(axis=0)
        dxhat = dzn * p["gamma1"]
        dz = rstd * (dxhat - dxhat.mean(axis=0) - xhat * np.mean(dxhat * xhat, axis=0))
        g["W1"][...] = h0.T @ dz
        dh0 = dz @ p["W1"].T
        g["E0"][...] = oh0.T @ dh0[:, :DIMS[0]]
        g["E1"][...] = oh1.T @ dh0[:, DIMS[0]:DIMS[0] + DIMS[1]]

        norm = np.linalg.norm(self.gflat)
        coef = MAX_NORM / (norm + 1e-6)
        if coef < 1.0:
            self.gflat *= coef

        self.n_updates += 1
        t = self.n_updates
        lr = self.lr_vec * min(1.0, t / WARMUP)
        self.theta *= 1.0 - lr * self.wd_vec
        self.mom1 += (1.0 - BETA1) * (self.gflat - self.mom1)
        self.mom2 = BETA2 * self.mom2 + (1.0 - BETA2) * self.gflat * self.gflat
        step = lr / (1.0 - BETA1 ** t)
        denom = np.sqrt(self.mom2) / math.sqrt(1.0 - BETA2 ** t) + ADAM_EPS
        self.theta -= step * self.mom1 / denom
        return float(loss)
