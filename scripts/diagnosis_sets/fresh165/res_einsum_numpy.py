"""The res_numpy.py network written another way: same function, same training.

Layers kept as a list of dicts, kernels in (kh, kw, cin, cout), convolution by
sliding_window_view + einsum (no im2col), the dense weight kept (out, in) like nn.Linear,
AdamW with cosine annealing updated in place.
"""

import math

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv_same(x, K, b):
    """3x3, stride 1, zero padding 1. x (N, C, H, W), K (3, 3, C, O) -> (N, O, H, W)."""
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    win = sliding_window_view(xp, (3, 3), axis=(2, 3))          # (N, C, H, W, 3, 3)
    return np.einsum("nchwij,ijco->nohw", win, K) + b[None, :, None, None], win


def conv_same_backward(dz, win, K, need_dx=True):
    dK = np.einsum("nchwij,nohw->ijco", win, dz)
    db = dz.sum(axis=(0, 2, 3))
    if not need_dx:
        return dK, db, None
    N, _, H, W = dz.shape
    dxp = np.zeros((N, K.shape[2], H + 2, W + 2), dtype=dz.dtype)
    for i in range(3):
        for j in range(3):
            dxp[:, :, i:i + H, j:j + W] += np.einsum("nohw,co->nchw", dz, K[i, j])
    return dK, db, dxp[:, :, 1:-1, 1:-1]


class ResNetEinsum:
    def __init__(self, in_ch=2, width=4, classes=4, size=8, lr=0.003, weight_decay=0.05,
                 betas=(0.9, 0.999), eps=1e-8, T_max=30, eta_min=1e-4, seed=1):
        rng = np.random.default_rng(seed)
        chans = [in_ch, width, width, width]
        self.layers = []
        for cin, cout in zip(chans[:-1], chans[1:]):
            self.layers.append({"K": rng.normal(0, math.sqrt(2 / (9 * cin)), (3, 3, cin, cout)),
                                "b": rng.normal(0, 0.1, cout)})
        feat = width * (size // 2) ** 2
        self.W = rng.normal(0, 1 / math.sqrt(feat), (classes, feat))
        self.b = np.zeros(classes)
        self.hyper = dict(lr=lr, wd=weight_decay, b1=betas[0], b2=betas[1], eps=eps,
                          T_max=T_max, eta_min=eta_min)
        self.state = {}
        self.n = 0

    def params(self):
        for i, layer in enumerate(self.layers):
            yield f"K{i + 1}", layer, "K"
            yield f"b{i + 1}", layer, "b"
        yield "W", self.__dict__, "W"
        yield "b", self.__dict__, "b"

    def _forward(self, X):
        (l1, l2, l3) = self.layers
        z1, w1 = conv_same(X, l1["K"], l1["b"])
        h = np.maximum(z1, 0)
        z2, w2 = conv_same(h, l2["K"], l2["b"])
        z3, w3 = conv_same(np.maximum(z2, 0), l3["K"], l3["b"])
        s = z3 + h
        r = np.maximum(s, 0)
        N, C, H, W = r.shape
        pooled = 0.25 * (r[:, :, 0::2, 0::2] + r[:, :, 0::2, 1::2] + r[:, :, 1::2, 0::2] + r[:, :, 1::2, 1::2])
        flat = pooled.reshape(N, -1)
        logits = np.einsum("nf,kf->nk", flat, self.W) + self.b
        return logits, (z1, w1, z2, w2, w3, s, flat, pooled.shape)

    def loss(self, X, y):
        logits, _ = self._forward(X)
        lse = np.log(np.exp(logits - logits.max(1, keepdims=True)).sum(1)) + logits.max(1)
        return np.mean(lse - logits[np.arange(len(y)), y])

    def train_step(self, X, y):
        logits, (z1, w1, z2, w2, w3, s, flat, pshape) = self._forward(X)
        N = len(y)
        shift = logits - logits.max(1, keepdims=True)
        logp = shift - np.log(np.exp(shift).sum(1, keepdims=True))
        loss = -logp[np.arange(N), y].mean()
        onehot = np.eye(logits.shape[1], dtype=logits.dtype)[y]
        dlogits = (np.exp(logp) - onehot) / N

        grads = {"W": dlogits.T @ flat, "b": dlogits.sum(0)}
        dpooled = (dlogits @ self.W).reshape(pshape)
        dr = np.zeros_like(s)
        for a in (0, 1):
            for c in (0, 1):
                dr[:, :, a::2, c::2] = 0.25 * dpooled
        ds = np.where(s > 0, dr, 0)
        grads["K3"], grads["b3"], dh2 = conv_same_backward(ds, w3, self.layers[2]["K"])
        dz2 = np.where(z2 > 0, dh2, 0)
        grads["K2"], grads["b2"], dh = conv_same_backward(dz2, w2, self.layers[1]["K"])
        dz1 = np.where(z1 > 0, dh + ds, 0)
        grads["K1"], grads["b1"], _ = conv_same_backward(dz1, w1, self.layers[0]["K"], need_dx=False)
        self.grads = grads
        self._adamw(grads)
        return float(loss)

    def _adamw(self, grads):
        h = self.hyper
        lr = h["eta_min"] + 0.5 * (h["lr"] - h["eta_min"]) * (1 + math.cos(math.pi * self.n / h["T_max"]))
        self.n += 1
        c1 = 1 - h["b1"] ** self.n
        c2 = 1 - h["b2"] ** self.n
        for name, owner, key in self.params():
            p, g = owner[key], grads[name]
            if name not in self.state:
                self.state[name] = (np.zeros_like(p), np.zeros_like(p))
            m, v = self.state[name]
            p *= 1 - lr * h["wd"]
            m *= h["b1"]
            m += (1 - h["b1"]) * g
            v *= h["b2"]
            v += (1 - h["b2"]) * np.square(g)
            p -= lr * (m / c1) / (np.sqrt(v / c2) + h["eps"])
