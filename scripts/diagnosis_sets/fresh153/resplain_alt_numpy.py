"""resplain_numpy.py written another way: channels-last feature maps (N, H, W, C), im2col
convolutions with kernels kept (kh, kw, cin, cout), the dense weight kept (in, out), the
learning rates of all 20 steps tabulated up front, and the Adam step written as torch writes
it (step size lr / bc1, denominator sqrt(v) / sqrt(bc2) + eps).

    X: float (N, 1, 8, 8) (transposed to NHWC on entry), y: int64 (N,)
"""

import math

import numpy as np


def patches(x, k, stride, pad):
    """NHWC -> (N*Ho*Wo, k*k*C), columns ordered (di, dj, c)."""
    N, H, W, C = x.shape
    Ho = (H + 2 * pad - k) // stride + 1
    Wo = (W + 2 * pad - k) // stride + 1
    xp = np.pad(x, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    cols = np.stack([xp[:, di:di + stride * Ho:stride, dj:dj + stride * Wo:stride, :]
                     for di in range(k) for dj in range(k)], axis=3)      # N Ho Wo k*k C
    return cols.reshape(N * Ho * Wo, k * k * C), Ho, Wo


def unpatches(dcols, x_shape, k, stride, pad, Ho, Wo):
    N, H, W, C = x_shape
    dcols = dcols.reshape(N, Ho, Wo, k * k, C)
    dxp = np.zeros((N, H + 2 * pad, W + 2 * pad, C), dtype=dcols.dtype)
    for idx in range(k * k):
        di, dj = divmod(idx, k)
        dxp[:, di:di + stride * Ho:stride, dj:dj + stride * Wo:stride, :] += dcols[:, :, :, idx, :]
    return dxp[:, pad:pad + H, pad:pad + W, :]


class ConvNHWC:
    def __init__(self, name, stride, pad):
        self.name, self.stride, self.pad = name, stride, pad

    def __call__(self, net, x):
        K, b = net.params["K" + self.name], net.params["b" + self.name]
        k, cout = K.shape[0], K.shape[3]
        cols, Ho, Wo = patches(x, k, self.stride, self.pad)
        self.cache = (x.shape, cols, Ho, Wo)
        return (cols @ K.reshape(-1, cout) + b).reshape(x.shape[0], Ho, Wo, cout)

    def back(self, net, dout):
        K = net.params["K" + self.name]
        k, cout = K.shape[0], K.shape[3]
        x_shape, cols, Ho, Wo = self.cache
        d = dout.reshape(-1, cout)
        net.grads["K" + self.name] = (cols.T @ d).reshape(K.shape)
        net.grads["b" + self.name] = d.sum(axis=0)
        return unpatches(d @ K.reshape(-1, cout).T, x_shape, k, self.stride, self.pad, Ho, Wo)


class ResNetNHWC:
    def __init__(self, seed=1, dtype=np.float32):
        rng = np.random.default_rng(seed)
        self.params = {}
        for name, (k, cin, cout) in {"s": (3, 1, 4), "1": (3, 4, 6), "2": (3, 6, 6),
                                     "p": (1, 4, 6)}.items():
            self.params["K" + name] = (rng.standard_normal((k, k, cin, cout))
                                       * np.sqrt(2.0 / (k * k * cin))).astype(dtype)
            self.params["b" + name] = (0.1 * rng.standard_normal(cout)).astype(dtype)
        self.params["Wf"] = (rng.standard_normal((6, 3)) / np.sqrt(6)).astype(dtype)
        self.params["bf"] = (0.1 * rng.standard_normal(3)).astype(dtype)
        self.grads = {}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.dtype = dtype
        self.layers = {"s": ConvNHWC("s", 1, 1), "1": ConvNHWC("1", 2, 1),
                       "2": ConvNHWC("2", 1, 1), "p": ConvNHWC("p", 2, 0)}
        lrs = []
        for t in range(20):
            if t < 4:
                lrs.append(0.01 * (t + 1) / 4)
            else:
                c = 0.5 * (1 + math.cos(math.pi * (t - 4) / 16))
                lrs.append(0.01 * (0.1 + 0.9 * c))
        self.lrs = lrs

    def train_step(self, X, y):
        P, L = self.params, self.layers
        x = np.asarray(X, dtype=self.dtype).transpose(0, 2, 3, 1)
        N = x.shape[0]
        a0 = L["s"](self, x)
        h0 = np.maximum(a0, 0)
        a1 = L["1"](self, h0)
        h1 = np.maximum(a1, 0)
        s = L["2"](self, h1) + L["p"](self, h0)
        h = np.maximum(s, 0)
        feat = h.mean(axis=(1, 2))
        logits = feat @ P["Wf"] + P["bf"]
        lse = np.log(np.exp(logits - logits.max(1, keepdims=True)).sum(1)) + logits.max(1)
        loss = np.mean(lse - logits[np.arange(N), y])

        d = np.exp(logits - lse[:, None])
        d[np.arange(N), y] -= 1
        d /= N
        self.grads["Wf"] = feat.T @ d
        self.grads["bf"] = d.sum(0)
        ds = (d @ P["Wf"].T)[:, None, None, :] / (h.shape[1] * h.shape[2]) * (s > 0)
        dh1 = L["2"].back(self, ds) * (a1 > 0)
        dh0 = L["1"].back(self, dh1) + L["p"].back(self, ds)
        L["s"].back(self, dh0 * (a0 > 0))

        lr = self.lrs[self.t]
        self.t += 1
        bc1, bc2 = 1 - 0.9 ** self.t, 1 - 0.999 ** self.t
        for k, p in P.items():
            g = self.grads[k]
            if p.ndim >= 2:
                p -= lr * 0.1 * p
            self.m[k] = 0.9 * self.m[k] + 0.1 * g
            self.v[k] = 0.999 * self.v[k] + 0.001 * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + 1e-8
            p -= (lr / bc1) * self.m[k] / denom
        return float(loss)
