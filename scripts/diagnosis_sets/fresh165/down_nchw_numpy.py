"""down_numpy.py written on NCHW maps: same network, same training.

Parameters in one dict, torch's layouts: conv weights (cout, cin, kh, kw), fc_w (out, in).
The convolution is a loop over the kernel offsets (no im2col); the 1x1 stride-2 projection is
the same routine with k = 1, padding 0. Before the dense layer the pooled map is transposed to
(N, i, j, c) so the flattened features come in the (i, j, c) order of the channels-last original.
SGD with momentum and coupled weight decay (weights only), in place; the learning rates of the
warm-up + cosine schedule are computed once up front.
"""

import math

import numpy as np


def conv2d(x, w, b, stride, pad):
    N, C, H, W = x.shape
    O, _, k, _ = w.shape
    oh = (H + 2 * pad - k) // stride + 1
    ow = (W + 2 * pad - k) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad))) if pad else x
    z = np.zeros((N, O, oh, ow), dtype=x.dtype)
    for i in range(k):
        for j in range(k):
            z += np.einsum("nchw,oc->nohw", xp[:, :, i:i + stride * oh:stride, j:j + stride * ow:stride],
                           w[:, :, i, j])
    if b is not None:
        z += b[:, None, None]
    return z


def conv2d_backward(dz, x, w, stride, pad):
    N, C, H, W = x.shape
    _, _, k, _ = w.shape
    _, _, oh, ow = dz.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad))) if pad else x
    dw = np.zeros_like(w)
    dxp = np.zeros_like(xp)
    for i in range(k):
        for j in range(k):
            sl = (slice(None), slice(None), slice(i, i + stride * oh, stride), slice(j, j + stride * ow, stride))
            dw[:, :, i, j] = np.einsum("nohw,nchw->oc", dz, xp[sl])
            dxp[sl] += np.einsum("nohw,oc->nchw", dz, w[:, :, i, j])
    dx = dxp[:, :, pad:pad + H, pad:pad + W] if pad else dxp
    return dw, dz.sum(axis=(0, 2, 3)), dx


class DownsampleNetNCHW:
    def __init__(self, in_ch=3, c0=4, c1=6, classes=3, lr=0.05, momentum=0.9, weight_decay=5e-3,
                 warmup=4, warmup_start=0.1, T_max=26, seed=7, horizon=200):
        r = np.random.default_rng(seed)
        self.params = {
            "stem_w": r.standard_normal((c0, in_ch, 3, 3)) * 0.3, "stem_b": np.zeros(c0),
            "a_w": r.standard_normal((c1, c0, 3, 3)) * 0.2, "a_b": np.zeros(c1),
            "b_w": r.standard_normal((c1, c1, 3, 3)) * 0.1, "b_b": np.zeros(c1),
            "proj_w": r.standard_normal((c1, c0, 1, 1)) * 0.5,
            "fc_w": r.standard_normal((classes, 4 * c1)) * 0.2, "fc_b": np.zeros(classes),
        }
        self.mom = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.mu, self.wd = momentum, weight_decay
        self.lrs = []
        for t in range(horizon):
            if t < warmup:
                self.lrs.append(lr * (warmup_start + (1 - warmup_start) * t / warmup))
            else:
                self.lrs.append(0.5 * lr * (1 + math.cos(math.pi * (t - warmup) / T_max)))
        self.it = 0

    def _forward(self, X):
        p = self.params
        z0 = conv2d(X, p["stem_w"], p["stem_b"], 1, 1)
        h0 = np.maximum(z0, 0)
        za = conv2d(h0, p["a_w"], p["a_b"], 2, 1)
        ha = np.maximum(za, 0)
        zb = conv2d(ha, p["b_w"], p["b_b"], 1, 1)
        s = zb + conv2d(h0, p["proj_w"], None, 2, 0)
        r = np.maximum(s, 0)
        N, C, H, W = r.shape
        pooled = r.reshape(N, C, H // 2, 2, W // 2, 2).mean(axis=(3, 5))
        flat = pooled.transpose(0, 2, 3, 1).reshape(N, -1)
        logits = flat @ p["fc_w"].T + p["fc_b"]
        return logits, dict(X=X, z0=z0, h0=h0, za=za, ha=ha, s=s, pooled=pooled, flat=flat)

    def loss(self, X, y):
        logits, _ = self._forward(X)
        logits = logits - logits.max(axis=1, keepdims=True)
        return float(np.mean(np.log(np.exp(logits).sum(axis=1)) - logits[np.arange(len(y)), y]))

    def gradients(self, X, y):
        p = self.params
        logits, c = self._forward(X)
        N = len(y)
        logits = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(N), y]))
        delta = probs
        delta[np.arange(N), y] -= 1.0
        delta /= N
        g = {"fc_w": delta.T @ c["flat"], "fc_b": delta.sum(axis=0)}
        Np, Hp, Wp, C = N, c["pooled"].shape[2], c["pooled"].shape[3], c["pooled"].shape[1]
        dpooled = (delta @ p["fc_w"]).reshape(Np, Hp, Wp, C).transpose(0, 3, 1, 2)
        dr = np.repeat(np.repeat(dpooled / 4, 2, axis=2), 2, axis=3)
        ds = dr * (c["s"] > 0)
        g["proj_w"], _, dh0_sc = conv2d_backward(ds, c["h0"], p["proj_w"], 2, 0)
        g["b_w"], g["b_b"], dha = conv2d_backward(ds, c["ha"], p["b_w"], 1, 1)
        dza = dha * (c["za"] > 0)
        g["a_w"], g["a_b"], dh0 = conv2d_backward(dza, c["h0"], p["a_w"], 2, 1)
        dz0 = (dh0 + dh0_sc) * (c["z0"] > 0)
        g["stem_w"], g["stem_b"], _ = conv2d_backward(dz0, X, p["stem_w"], 1, 1)
        return loss, g

    def train_step(self, X, y):
        loss, self.grads = self.gradients(X, y)
        lr = self.lrs[self.it]
        for k, w in self.params.items():
            g = self.grads[k]
            if k.endswith("_w"):
                g = g + self.wd * w
            v = self.mom[k]
            v *= self.mu
            v += g
            w -= lr * v
        self.it += 1
        return float(loss)
