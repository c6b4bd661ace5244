"""A causal dilated convolution stack for next-value forecasting, in NumPy.

Each row of X is a window of the last 16 values of one series; the window is read as one input
channel of length 16. Three causal convolutions, each zero-padded on the left by
(K - 1) * dilation so that output t sees only inputs t, t - d, ...:
    conv1: 1 -> 6 channels, K = 3, dilation 1, ReLU
    conv2: 6 -> 6 channels, K = 2, dilation 2, tanh, residual  a2 = a1 + tanh(conv2(a1))
    conv3: 6 -> 6 channels, K = 2, dilation 4, tanh, residual  a3 = a2 + tanh(conv3(a2))
and a linear head on the last time step, a3[:, :, -1] @ Wo + bo. The convolutions are written as
loops over the taps (cross-correlation as torch.nn.Conv1d computes it, tap K - 1 the current
step), their backward too. Kernels are stored (out, in, K) as torch keeps them.

Loss: mean squared error. Gradients clipped to a global norm of MAX_NORM (torch's
clip_grad_norm_: coefficient MAX_NORM / (norm + 1e-6), applied when below 1); Adam with torch's
defaults and a cosine schedule: the t-th update uses
ETA_MIN + (LR - ETA_MIN) * (1 + cos(pi * (t - 1) / T_MAX)) / 2.

    X: float (n, 16) windows, y: float (n, 1) the next value
"""

import math

import numpy as np

L, C = 16, 6
LR, BETA1, BETA2, EPS = 0.01, 0.9, 0.999, 1e-8
MAX_NORM, T_MAX, ETA_MIN = 1.0, 20, 1e-4


def causal_conv(x, W, b, d):
    """x (n, cin, T), W (cout, cin, K): zero left padding of (K - 1) * d, then the taps."""
    T = x.shape[2]
    K = W.shape[2]
    P = (K - 1) * d
    xp = np.pad(x, ((0, 0), (0, 0), (P, 0)))
    out = np.zeros((x.shape[0], W.shape[0], T), dtype=x.dtype) + b[None, :, None]
    for k in range(K):
        out += np.einsum("oi,nit->not", W[:, :, k], xp[:, :, k * d:k * d + T])
    return out, xp


def causal_conv_backward(dout, xp, W, d):
    T = dout.shape[2]
    K = W.shape[2]
    P = (K - 1) * d
    dW = np.zeros_like(W)
    dxp = np.zeros_like(xp)
    for k in range(K):
        seg = xp[:, :, k * d:k * d + T]
        dW[:, :, k] = np.einsum("not,nit->oi", dout, seg)
        dxp[:, :, k * d:k * d + T] += np.einsum("oi,not->nit", W[:, :, k], dout)
    db = dout.sum(axis=(0, 2))
    return dW, db, dxp[:, :, P:]


class CausalTCN:
    def __init__(self, seed=102):
        rng = np.random.default_rng(seed)

        def conv(cout, cin, k):
            bound = 1.0 / np.sqrt(cin * k)
            return rng.uniform(-bound, bound, (cout, cin, k)), rng.uniform(-bound, bound, cout)

        p = {}
        p["W1"], p["b1"] = conv(C, 1, 3)
        p["W2"], p["b2"] = conv(C, C, 2)
        p["W3"], p["b3"] = conv(C, C, 2)
        p["Wo"] = rng.uniform(-0.4, 0.4, (C, 1))
        p["bo"] = np.zeros(1)
        self.params = p
        self.m = {k: np.zeros_like(a) for k, a in p.items()}
        self.v = {k: np.zeros_like(a) for k, a in p.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        x = X[:, None, :]
        h1, xp1 = causal_conv(x, p["W1"], p["b1"], 1)
        a1 = np.maximum(h1, 0.0)
        h2, xp2 = causal_conv(a1, p["W2"], p["b2"], 2)
        t2 = np.tanh(h2)
        a2 = a1 + t2
        h3, xp3 = causal_conv(a2, p["W3"], p["b3"], 4)
        t3 = np.tanh(h3)
        a3 = a2 + t3
        last = a3[:, :, -1]
        out = last @ p["Wo"] + p["bo"]
        self.cache = (xp1, h1, xp2, t2, xp3, t3, a3, last)
        return out

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        out = self.forward(X)
        xp1, h1, xp2, t2, xp3, t3, a3, last = self.cache
        loss = np.mean((out - y) ** 2)

        dout = 2.0 * (out - y) / out.size
        g = {}
        g["Wo"] = last.T @ dout
        g["bo"] = dout.sum(axis=0)
        da3 = np.zeros_like(a3)
        da3[:, :, -1] = dout @ p["Wo"].T
        dh3 = da3 * (1.0 - t3 ** 2)
        g["W3"], g["b3"], da2_conv = causal_conv_backward(dh3, xp3, p["W3"], 4)
        da2 = da3 + da2_conv
        dh2 = da2 * (1.0 - t2 ** 2)
        g["W2"], g["b2"], da1_conv = causal_conv_backward(dh2, xp2, p["W2"], 2)
        da1 = da2 + da1_conv
        dh1 = da1 * (h1 > 0)
        g["W1"], g["b1"], _ = causal_conv_backward(dh1, xp1, p["W1"], 1)

        total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        lr = ETA_MIN + (LR - ETA_MIN) * (1.0 + math.cos(math.pi * (self.t - 1) / T_MAX)) / 2.0
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
