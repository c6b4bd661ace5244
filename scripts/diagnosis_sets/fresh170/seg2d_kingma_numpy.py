"""seg2d again, NumPy, written differently: the 1x1 head as a matrix product over channels with its
weight kept as a column (8, 1), the Dice gradient through the quotient rule on num / den, in-place
Adam with the bias corrections folded into the step size (Kingma & Ba, section 2):
    lr_t = lr * sqrt(1 - b2^t) / (1 - b1^t),  eps_t = eps * sqrt(1 - b2^t),
    w -= lr_t * m / (sqrt(v) + eps_t)
which is the same update as m_hat / (sqrt(v_hat) + eps)."""

import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seg2d_numpy import conv2d, conv2d_backward, conv_transpose2x2, conv_transpose2x2_backward


class KingmaUNet:
    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        W1 = rng.standard_normal((4, 1, 3, 3)) * np.sqrt(2.0 / 9)
        b1 = 0.1 * rng.standard_normal(4)
        W2 = rng.standard_normal((8, 4, 3, 3)) * np.sqrt(2.0 / 36)
        b2 = 0.1 * rng.standard_normal(8)
        Wt = rng.standard_normal((8, 4, 2, 2)) * np.sqrt(2.0 / 8)
        bt = 0.1 * rng.standard_normal(4)
        Wh = rng.standard_normal((1, 8, 1, 1)) * np.sqrt(2.0 / 8)
        bh = 0.1 * rng.standard_normal(1)
        self.W1, self.b1, self.W2, self.b2 = W1, b1, W2, b2
        self.Wt, self.bt = Wt, bt
        self.Wh, self.bh = Wh.reshape(8, 1).copy(), bh
        self.names = ["W1", "b1", "W2", "b2", "Wt", "bt", "Wh", "bh"]
        self.grads = {}
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0

    def _forward(self, X):
        X = X.astype(self.W1.dtype, copy=False)
        a1, xp1 = conv2d(X, self.W1, self.b1, 1, 1)
        e1 = np.maximum(a1, 0)
        a2, xp2 = conv2d(e1, self.W2, self.b2, 2, 1)
        e2 = np.maximum(a2, 0)
        a3 = conv_transpose2x2(e2, self.Wt, self.bt)
        c = np.concatenate([np.maximum(a3, 0), e1], axis=1)              # (N, 8, H, W)
        z = np.einsum("nchw,co->nohw", c, self.Wh) + self.bh[0]
        return z, (xp1, a1, xp2, a2, e2, a3, c)

    @staticmethod
    def _dice(z, y):
        p = 1.0 / (1.0 + np.exp(-z))
        num = 2 * np.sum(p * y, axis=(1, 2, 3)) + 1.0
        den = np.sum(p, axis=(1, 2, 3)) + np.sum(y, axis=(1, 2, 3)) + 1.0
        return p, num, den

    def loss(self, X, y):
        z, _ = self._forward(X)
        _, num, den = self._dice(z, y.astype(z.dtype, copy=False))
        return 1.0 - np.mean(num / den)

    def train_step(self, X, y):
        z, (xp1, a1, xp2, a2, e2, a3, c) = self._forward(X)
        y = y.astype(z.dtype, copy=False)
        p, num, den = self._dice(z, y)
        loss = 1.0 - np.mean(num / den)
        n = z.shape[0]
        # d(num/den)/dp = (dnum/dp * den - num * dden/dp) / den^2, dnum/dp = 2y, dden/dp = 1
        r = (num / den)[:, None, None, None]
        dz = -(2 * y - r) / den[:, None, None, None] / n * p * (1 - p)
        g = self.grads
        g["Wh"] = np.einsum("nchw,nohw->co", c, dz)
        g["bh"] = dz.sum().reshape(1)
        dc = np.einsum("nohw,co->nchw", dz, self.Wh)
        da3 = dc[:, :4] * (a3 > 0)
        de2, g["Wt"], g["bt"] = conv_transpose2x2_backward(da3, e2, self.Wt)
        de1, g["W2"], g["b2"] = conv2d_backward(de2 * (a2 > 0), xp2, self.W2, 2, 1)
        de1 += dc[:, 4:]
        _, g["W1"], g["b1"] = conv2d_backward(de1 * (a1 > 0), xp1, self.W1, 1, 1)

        self.t += 1
        b1, b2, lr, eps, wd = 0.9, 0.999, 0.01, 1e-8, 1e-3
        lr_t = lr * math.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)
        eps_t = eps * math.sqrt(1 - b2 ** self.t)
        for k in self.names:
            w = getattr(self, k)
            grad = g[k] + wd * w
            m, v = self.m[k], self.v[k]
            m *= b1
            m += (1 - b1) * grad
            v *= b2
            v += (1 - b2) * grad * grad
            w -= lr_t * m / (np.sqrt(v) + eps_t)
        return float(loss)
