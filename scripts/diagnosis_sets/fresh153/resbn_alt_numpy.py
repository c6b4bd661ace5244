"""resbn_numpy.py written another way (same network, same optimizer, same schedule).

Kernels kept as torch keeps them (cout, cin, kh, kw), dense W kept (out, in); convolution by
sliding_window_view + einsum, its input gradient by scattering each kernel offset into the
padded input; batch-norm backward through dvar and dmean; the Nesterov update written in the
expanded form p -= lr ((1 + mu) g + mu^2 v_old), v = mu v_old + g.

    X: float (N, 2, 8, 8), y: int64 (N,)
"""

import math

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class Conv:
    def __init__(self, stride, pad):
        self.stride, self.pad = stride, pad

    def forward(self, x, W):
        s, p = self.stride, self.pad
        xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        kh, kw = W.shape[2], W.shape[3]
        win = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::s, ::s]   # N C Ho Wo kh kw
        self.x_shape, self.win, self.W = x.shape, win, W
        return np.einsum("nchwij,ocij->nohw", win, W)

    def backward(self, dout):
        s, p = self.stride, self.pad
        N, C, H, W_ = self.x_shape
        cout, cin, kh, kw = self.W.shape
        Ho, Wo = dout.shape[2], dout.shape[3]
        dW = np.einsum("nohw,nchwij->ocij", dout, self.win)
        dxp = np.zeros((N, C, H + 2 * p, W_ + 2 * p), dtype=dout.dtype)
        for i in range(kh):
            for j in range(kw):
                contrib = np.einsum("nohw,oc->nchw", dout, self.W[:, :, i, j])
                dxp[:, :, i:i + s * Ho:s, j:j + s * Wo:s] += contrib
        return dxp[:, :, p:p + H, p:p + W_], dW


class BatchNorm:
    def __init__(self, eps=1e-5):
        self.eps = eps

    def forward(self, x, gamma, beta):
        self.x = x
        self.mu = x.mean(axis=(0, 2, 3), keepdims=True)
        self.xc = x - self.mu
        self.var = (self.xc ** 2).mean(axis=(0, 2, 3), keepdims=True)
        self.std = np.sqrt(self.var + self.eps)
        self.xhat = self.xc / self.std
        self.gamma = gamma.reshape(1, -1, 1, 1)
        return self.gamma * self.xhat + beta.reshape(1, -1, 1, 1)

    def backward(self, dout):
        N, C, H, W = dout.shape
        M = N * H * W
        dgamma = (dout * self.xhat).sum(axis=(0, 2, 3))
        dbeta = dout.sum(axis=(0, 2, 3))
        dxhat = dout * self.gamma
        dvar = (dxhat * self.xc).sum(axis=(0, 2, 3), keepdims=True) * -0.5 * self.std ** -3
        dmu = -(dxhat / self.std).sum(axis=(0, 2, 3), keepdims=True) \
            - 2.0 * dvar * self.xc.mean(axis=(0, 2, 3), keepdims=True)
        dx = dxhat / self.std + dvar * 2.0 * self.xc / M + dmu / M
        return dx, dgamma, dbeta


class ResBNAlt:
    def __init__(self, seed=0, dtype=np.float32):
        rng = np.random.default_rng(seed)
        shapes = {"stem_k": (4, 2, 3, 3), "c1_k": (8, 4, 3, 3), "c2_k": (8, 8, 3, 3),
                  "sc_k": (8, 4, 1, 1)}
        self.params = {}
        for name, shp in shapes.items():
            fan_in = shp[1] * shp[2] * shp[3]
            self.params[name] = (rng.standard_normal(shp) * np.sqrt(2.0 / fan_in)).astype(dtype)
            c = shp[0]
            pre = name[:-2]
            self.params[pre + "_g"] = (1.0 + 0.1 * rng.standard_normal(c)).astype(dtype)
            self.params[pre + "_b"] = (0.1 * rng.standard_normal(c)).astype(dtype)
        self.params["fc_W"] = (rng.standard_normal((3, 8)) / np.sqrt(8)).astype(dtype)
        self.params["fc_b"] = np.zeros(3, dtype=dtype)
        self.grads = {}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.convs = {"stem": Conv(1, 1), "c1": Conv(2, 1), "c2": Conv(1, 1), "sc": Conv(2, 0)}
        self.bns = {k: BatchNorm() for k in self.convs}
        self.base_lr, self.mu, self.wd = 0.1, 0.9, 1e-2
        self.warmup, self.total = 5, 20
        self.t = 0
        self.dtype = dtype

    def unit(self, name, x, relu):
        P = self.params
        z = self.convs[name].forward(x, P[name + "_k"])
        u = self.bns[name].forward(z, P[name + "_g"], P[name + "_b"])
        return np.maximum(u, 0) if relu else u

    def unit_back(self, name, du):
        dz, self.grads[name + "_g"], self.grads[name + "_b"] = self.bns[name].backward(du)
        dx, self.grads[name + "_k"] = self.convs[name].backward(dz)
        return dx

    def train_step(self, X, y):
        P = self.params
        X = np.asarray(X, dtype=self.dtype)
        N = X.shape[0]
        h0 = self.unit("stem", X, True)
        h1 = self.unit("c1", h0, True)
        s = self.unit("c2", h1, False) + self.unit("sc", h0, False)
        h = np.maximum(s, 0)
        feat = h.mean(axis=(2, 3))
        logits = feat @ P["fc_W"].T + P["fc_b"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        prob = e / e.sum(axis=1, keepdims=True)
        onehot = np.zeros_like(prob)
        onehot[np.arange(N), y] = 1
        loss = -(onehot * np.log(prob)).sum() / N

        dlog = (prob - onehot) / N
        self.grads["fc_W"] = dlog.T @ feat
        self.grads["fc_b"] = dlog.sum(axis=0)
        dh = (dlog @ P["fc_W"])[:, :, None, None] * np.ones_like(h) / (h.shape[2] * h.shape[3])
        ds = np.where(s > 0, dh, 0)
        dh1 = self.unit_back("c2", ds)
        dh1 = np.where(h1 > 0, dh1, 0)
        dh0 = self.unit_back("c1", dh1) + self.unit_back("sc", ds)
        dh0 = np.where(h0 > 0, dh0, 0)
        self.unit_back("stem", dh0)

        t = self.t
        if t < self.warmup:
            lr = self.base_lr * (t + 1) / self.warmup
        else:
            lr = self.base_lr * 0.5 * (1 + math.cos(math.pi * (t - self.warmup)
                                                    / (self.total - self.warmup)))
        mu = self.mu
        for k, p in self.params.items():
            g = self.grads[k]
            if p.ndim > 1:
                g = g + self.wd * p
            v_old = self.velocity[k]
            p -= lr * ((1 + mu) * g + mu * mu * v_old)
            self.velocity[k] = mu * v_old + g
        self.t += 1
        return float(loss)
