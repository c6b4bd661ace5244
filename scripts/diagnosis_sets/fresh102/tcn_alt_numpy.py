"""The causal dilated convolution stack of tcn_numpy.py written another way, in NumPy.

The same network, loss, clipping, Adam and cosine schedule, but:
  - the kernels are stored (K, in, out), taps first, and the head weight as a row (1, 6);
  - each convolution gathers its taps with a strided index array (im2col): the left-padded input
    is read at idx[t, k] = t + k * dilation, giving (n, in, T, K) columns contracted with the
    kernel by np.einsum; the backward scatters the column gradients back with np.add.at;
  - the global norm for clipping is np.linalg.norm of all gradients concatenated;
  - Adam folds both bias corrections into the step size, lr * sqrt(1 - b2^t) / (1 - b1^t), with
    eps scaled by sqrt(1 - b2^t) (the same update as torch's);
  - the schedule is a method of its own.

    X: float (n, 16) windows, y: float (n, 1) the next value
"""

import math

import numpy as np

L, C = 16, 6
LR, BETA1, BETA2, EPS = 0.01, 0.9, 0.999, 1e-8
MAX_NORM, T_MAX, ETA_MIN = 1.0, 20, 1e-4
DILATIONS = {"1": 1, "2": 2, "3": 4}


def tap_index(T, K, d):
    return np.arange(T)[:, None] + d * np.arange(K)[None, :]


def conv_im2col(x, Wk, b, d):
    """x (n, cin, T), Wk (K, cin, cout)."""
    T = x.shape[2]
    K = Wk.shape[0]
    xp = np.concatenate([np.zeros(x.shape[:2] + ((K - 1) * d,), dtype=x.dtype), x], axis=2)
    cols = xp[:, :, tap_index(T, K, d)]
    return np.einsum("nitk,kio->not", cols, Wk) + b[:, None], (cols, xp.shape)


def conv_im2col_backward(dout, cache, Wk, d):
    cols, xp_shape = cache
    T = dout.shape[2]
    K = Wk.shape[0]
    dWk = np.einsum("nitk,not->kio", cols, dout)
    dcols = np.einsum("kio,not->nitk", Wk, dout)
    dxp = np.zeros(xp_shape, dtype=dout.dtype)
    np.add.at(dxp, (slice(None), slice(None), tap_index(T, K, d)), dcols)
    return dWk, dout.sum(axis=(0, 2)), dxp[:, :, (K - 1) * d:]


class CausalTCNAlt:
    def __init__(self, seed=102):
        rng = np.random.default_rng(seed + 1)

        def kernel(k, cin, cout):
            bound = 1.0 / np.sqrt(cin * k)
            return rng.uniform(-bound, bound, (k, cin, cout)), rng.uniform(-bound, bound, cout)

        p = {}
        p["K1"], p["c1"] = kernel(3, 1, C)
        p["K2"], p["c2"] = kernel(2, C, C)
        p["K3"], p["c3"] = kernel(2, C, C)
        p["w_head"] = rng.uniform(-0.4, 0.4, (1, C))
        p["b_head"] = np.zeros(1)
        self.params = p
        self.m = {k: np.zeros_like(a) for k, a in p.items()}
        self.v = {k: np.zeros_like(a) for k, a in p.items()}
        self.step_count = 0

    def lr_at(self, t):
        return ETA_MIN + 0.5 * (LR - ETA_MIN) * (1.0 + math.cos(math.pi * t / T_MAX))

    def forward(self, X):
        p = self.params
        caches = {}
        a = X[:, None, :]
        acts = {}
        for name in ("1", "2", "3"):
            h, caches[name] = conv_im2col(a, p["K" + name], p["c" + name], DILATIONS[name])
            if name == "1":
                acts["h1"] = h
                a = np.where(h > 0, h, 0.0).astype(h.dtype)
            else:
                acts["t" + name] = np.tanh(h)
                a = a + acts["t" + name]
        last = a[:, :, -1]
        self.cache = (caches, acts, a.shape, last)
        return last @ p["w_head"].T + p["b_head"]

    def loss(self, X, y):
        return float(np.mean(np.square(self.forward(X) - y)))

    def train_step(self, X, y):
        p = self.params
        out = self.forward(X)
        caches, acts, a_shape, last = self.cache
        resid = out - y
        loss = np.mean(np.square(resid))

        g = {}
        dout = (2.0 / resid.size) * resid
        g["w_head"] = dout.T @ last
        g["b_head"] = np.sum(dout, axis=0)
        da = np.zeros(a_shape, dtype=out.dtype)
        da[:, :, -1] = dout @ p["w_head"]
        for name in ("3", "2"):
            dh = da * (1.0 - acts["t" + name] ** 2)
            g["K" + name], g["c" + name], dprev = conv_im2col_backward(dh, caches[name], p["K" + name],
                                                                       DILATIONS[name])
            da = da + dprev
        dh1 = np.where(acts["h1"] > 0, da, 0.0).astype(da.dtype)
        g["K1"], g["c1"], _ = conv_im2col_backward(dh1, caches["1"], p["K1"], 1)

        norm = np.linalg.norm(np.concatenate([gk.ravel() for gk in g.values()]))
        scale = min(1.0, MAX_NORM / (norm + 1e-6))
        g = {k: gk * scale for k, gk in g.items()}
        self.grads = g

        lr = self.lr_at(self.step_count)
        self.step_count += 1
        bc1 = 1.0 - BETA1 ** self.step_count
        bc2 = 1.0 - BETA2 ** self.step_count
        step_size = lr * math.sqrt(bc2) / bc1
        for k in p:
            self.m[k] *= BETA1
            self.m[k] += (1.0 - BETA1) * g[k]
            self.v[k] *= BETA2
            self.v[k] += (1.0 - BETA2) * g[k] * g[k]
            p[k] -= step_size * self.m[k] / (np.sqrt(self.v[k]) + EPS * math.sqrt(bc2))
        return float(loss)
