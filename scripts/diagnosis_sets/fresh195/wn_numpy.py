"""A small WaveNet for next-value prediction, from scratch in NumPy.

    x_0 = Win @ X + b_in                         1x1 input conv, 1 -> 8 channels
    for block l with dilation d in (1, 2, 4):    kernel size 2, causal (left pad d)
        f = conv_d(x, Wf_l) + bf_l,  g = conv_d(x, Wg_l) + bg_l
        z = tanh(f) * sigmoid(g)                 gated activation
        skip += Ws_l @ z + bs_l                  1x1 skip conv, 8 -> 12 channels
        x = x + Wr_l @ z + br_l                  1x1 residual conv (blocks 0 and 1 only;
                                                 the last block's residual output is unused)
    out = Wo @ relu(skip) + bo                   1x1 output head, 12 -> 1

Loss: mean squared error over batch and time. Optimizer: Adam (lr 0.01, betas 0.9 / 0.999,
eps 1e-8, bias-corrected), written by hand.

    X: (N, 1, T), y: (N, 1, T), y[..., t] = series[t + 1].

Parameters self.params, conv kernels kept as torch does, (out, in, k); 1x1 convs as
matrices (out, in). Gradients in self.grads, Adam moments in self.m / self.v.
"""

import math

import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def causal_conv(xpad, W, d, T):
    """xpad (N, in, T + d*(k-1)), W (out, in, k) -> (N, out, T)."""
    out = 0.0
    for j in range(W.shape[2]):
        out = out + np.einsum("oi,nit->not", W[:, :, j], xpad[:, :, j * d:j * d + T])
    return out


def causal_conv_backward(xpad, W, dout, d, T):
    """Gradients of causal_conv: (dW, dxpad)."""
    dW = np.zeros_like(W)
    dxpad = np.zeros_like(xpad)
    for j in range(W.shape[2]):
        dW[:, :, j] = np.einsum("not,nit->oi", dout, xpad[:, :, j * d:j * d + T])
        dxpad[:, :, j * d:j * d + T] += np.einsum("oi,not->nit", W[:, :, j], dout)
    return dW, dxpad


class WaveNet:
    def __init__(self, in_ch=1, res_ch=8, skip_ch=12, kernel=2, dilations=(1, 2, 4),
                 lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.k = kernel
        self.dilations = list(dilations)
        L = len(self.dilations)
        p = {}
        p["Win"] = rng.standard_normal((res_ch, in_ch)) / math.sqrt(in_ch)
        p["b_in"] = np.zeros(res_ch)
        for l in range(L):
            s = 1.0 / math.sqrt(res_ch * kernel)
            p[f"Wf{l}"] = rng.standard_normal((res_ch, res_ch, kernel)) * s
            p[f"bf{l}"] = rng.standard_normal(res_ch) * 0.1
            p[f"Wg{l}"] = rng.standard_normal((res_ch, res_ch, kernel)) * s
            p[f"bg{l}"] = rng.standard_normal(res_ch) * 0.1
            if l < L - 1:
                p[f"Wr{l}"] = rng.standard_normal((res_ch, res_ch)) / math.sqrt(res_ch)
                p[f"br{l}"] = np.zeros(res_ch)
            p[f"Ws{l}"] = rng.standard_normal((skip_ch, res_ch)) / math.sqrt(res_ch)
            p[f"bs{l}"] = rng.standard_normal(skip_ch) * 0.1
        p["Wo"] = rng.standard_normal((1, skip_ch)) / math.sqrt(skip_ch)
        p["bo"] = np.zeros(1)
        self.params = p
        self.grads = {k: np.zeros_like(v) for k, v in p.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(v) for k, v in p.items()}
        self.v = {k: np.zeros_like(v) for k, v in p.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=p["Win"].dtype)
        N, _, T = X.shape
        L = len(self.dilations)
        x = np.einsum("rc,nct->nrt", p["Win"], X) + p["b_in"][:, None]
        S = p["Wo"].shape[1]
        # the skip sum lives in a buffer kept between calls (no new (N, S, T) array per step)
        if getattr(self, "_skip", None) is None or self._skip.shape != (N, S, T):
            self._skip = np.zeros((N, S, T), dtype=x.dtype)
        self._skip[...] = 0.0
        skip = self._skip
        cache = []
        for l, d in enumerate(self.dilations):
            pad = d * (self.k - 1)
            xpad = np.pad(x, ((0, 0), (0, 0), (pad, 0)))
            f = causal_conv(xpad, p[f"Wf{l}"], d, T) + p[f"bf{l}"][:, None]
            g = causal_conv(xpad, p[f"Wg{l}"], d, T) + p[f"bg{l}"][:, None]
            tf, sg = np.tanh(f), sigmoid(g)
            z = tf * sg
            skip += np.einsum("sr,nrt->nst", p[f"Ws{l}"], z) + p[f"bs{l}"][:, None]
            if l < L - 1:
                x = x + np.einsum("or,nrt->not", p[f"Wr{l}"], z) + p[f"br{l}"][:, None]
            cache.append((xpad, tf, sg, z))
        h = np.maximum(skip, 0.0)
        out = np.einsum("os,nst->not", p["Wo"], h) + p["bo"][:, None]
        return out, (X, cache, skip, h)

    def loss(self, X, y):
        out, _ = self.forward(X)
        return float(np.mean((out - y) ** 2))

    def backward(self, X, y):
        p, gr = self.params, self.grads
        out, (X, cache, skip, h) = self.forward(X)
        y = np.asarray(y, dtype=out.dtype)
        N, _, T = X.shape
        L = len(self.dilations)
        diff = out - y
        loss = np.mean(diff ** 2)
        dout = 2.0 * diff / diff.size
        gr["Wo"] = np.einsum("not,nst->os", dout, h)
        gr["bo"] = dout.sum(axis=(0, 2))
        dskip = np.einsum("os,not->nst", p["Wo"], dout) * (skip > 0)
        dx = None
        for l in reversed(range(L)):
            d = self.dilations[l]
            xpad, tf, sg, z = cache[l]
            gr[f"Ws{l}"] = np.einsum("nst,nrt->sr", dskip, z)
            gr[f"bs{l}"] = dskip.sum(axis=(0, 2))
            dz = np.einsum("sr,nst->nrt", p[f"Ws{l}"], dskip)
            if l < L - 1:
                gr[f"Wr{l}"] = np.einsum("not,nrt->or", dx, z)
                gr[f"br{l}"] = dx.sum(axis=(0, 2))
                dz = dz + np.einsum("or,not->nrt", p[f"Wr{l}"], dx)
            df = dz * sg * (1.0 - tf ** 2)
            dg = dz * tf * sg * (1.0 - sg)
            gr[f"Wf{l}"], dxpad_f = causal_conv_backward(xpad, p[f"Wf{l}"], df, d, T)
            gr[f"Wg{l}"], dxpad_g = causal_conv_backward(xpad, p[f"Wg{l}"], dg, d, T)
            gr[f"bf{l}"] = df.sum(axis=(0, 2))
            gr[f"bg{l}"] = dg.sum(axis=(0, 2))
            pad = d * (self.k - 1)
            dx_conv = (dxpad_f + dxpad_g)[:, :, pad:]
            dx = dx_conv if dx is None else dx + dx_conv
        gr["Win"] = np.einsum("nrt,nct->rc", dx, X)
        gr["b_in"] = dx.sum(axis=(0, 2))
        return loss

    def adam(self):
        self.t += 1
        c1 = 1.0 - self.beta1 ** self.t
        c2 = 1.0 - self.beta2 ** self.t
        for k, w in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            m_hat = self.m[k] / c1
            v_hat = self.v[k] / c2
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)
