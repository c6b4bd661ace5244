"""The network of pool_numpy.py written another way: parameters in a dict in the torch
layouts, convolutions through sliding_window_view, the max-pool by argmax and
take_along_axis, the transposed convolution as a matrix product per tap, momentum
updated in place."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv(x, W, b):
    """x (N, C, L), W (O, C, K), same padding."""
    K = W.shape[2]
    xp = np.pad(x, ((0, 0), (0, 0), (K // 2, K // 2)))
    win = sliding_window_view(xp, K, axis=2)                     # (N, C, L, K)
    return np.einsum("nclk,ock->nol", win, W) + b[:, None], win


def conv_back(dout, win, W):
    K = W.shape[2]
    dW = np.einsum("nol,nclk->ock", dout, win)
    db = dout.sum(axis=(0, 2))
    dwin = np.einsum("nol,ock->nclk", dout, W)
    N, C, L, _ = dwin.shape
    dxp = np.zeros((N, C, L + K - 1), dtype=dout.dtype)
    for k in range(K):
        dxp[:, :, k:k + L] += dwin[..., k]
    return dxp[:, :, K // 2:K // 2 + L], dW, db


class PoolSegNet:
    def __init__(self, seed=1):
        rng = np.random.default_rng(seed)
        shapes = {"enc_w": (4, 1, 3), "enc_b": (4,), "mid_w": (8, 4, 3), "mid_b": (8,),
                  "up_w": (8, 4, 2), "up_b": (4,), "head_w": (1, 8, 1), "head_b": (1,)}
        self.params = {k: rng.normal(0.0, 0.4, s) for k, s in shapes.items()}
        self.buf = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.grads = {}

    def _forward(self, X):
        P = self.params
        N, _, L = X.shape
        ze, win_e = conv(X, P["enc_w"], P["enc_b"])
        e = np.maximum(ze, 0)
        pairs = e.reshape(N, 4, L // 2, 2)
        idx = pairs.argmax(axis=3)[..., None]
        q = np.take_along_axis(pairs, idx, axis=3)[..., 0]
        zm, win_m = conv(q, P["mid_w"], P["mid_b"])
        m = np.maximum(zm, 0)
        zu = np.empty((N, 4, L), dtype=m.dtype)
        for k in range(2):
            zu[:, :, k::2] = np.einsum("co,ncj->noj", P["up_w"][:, :, k], m)
        zu += P["up_b"][:, None]
        u = np.maximum(zu, 0)
        cat = np.concatenate([e, u], axis=1)
        z = np.einsum("oc,ncl->nol", P["head_w"][:, :, 0], cat) + P["head_b"][:, None]
        return z, (win_e, ze, idx, win_m, zm, m, zu, cat)

    @staticmethod
    def _dice(z, y):
        p = np.reciprocal(1.0 + np.exp(-z))
        a = 2.0 * np.vdot(p, y) + 1.0
        s = p.sum() + y.sum() + 1.0
        # d(1 - a/s)/dp = (a - 2 y s) / s^2
        return 1.0 - a / s, (a - 2.0 * y * s) / (s * s) * p * (1.0 - p)

    def loss(self, X, y):
        return self._dice(self._forward(X)[0], y)[0]

    def train_step(self, X, y, lr=0.5, mu=0.9):
        P, g = self.params, self.grads
        N, _, L = X.shape
        z, (win_e, ze, idx, win_m, zm, m, zu, cat) = self._forward(X)
        loss, dz = self._dice(z, y)
        g["head_w"] = np.einsum("nol,ncl->oc", dz, cat)[:, :, None]
        g["head_b"] = dz.sum(axis=(0, 2))
        dcat = P["head_w"][:, :, 0].T[None] @ dz                      # (N, 8, L)
        dzu = dcat[:, 4:] * (zu > 0)
        g["up_b"] = dzu.sum(axis=(0, 2))
        g["up_w"] = np.stack([np.einsum("ncj,noj->co", m, dzu[:, :, k::2]) for k in range(2)], axis=2)
        dm = sum(np.einsum("co,noj->ncj", P["up_w"][:, :, k], dzu[:, :, k::2]) for k in range(2))
        dq, g["mid_w"], g["mid_b"] = conv_back(dm * (zm > 0), win_m, P["mid_w"])
        dpairs = np.zeros((N, 4, L // 2, 2), dtype=dq.dtype)
        np.put_along_axis(dpairs, idx, dq[..., None], axis=3)
        de = dpairs.reshape(N, 4, L) + dcat[:, :4]
        _, g["enc_w"], g["enc_b"] = conv_back(de * (ze > 0), win_e, P["enc_w"])
        for k in P:
            self.buf[k] *= mu
            self.buf[k] += g[k]
            P[k] -= lr * self.buf[k]
        return float(loss)
