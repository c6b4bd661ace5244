"""A tiny U-Net that denoises 8x8 binary images, from scratch in NumPy.

    x (N, 1, 8, 8)
    enc:  conv 3x3, padding 1, 1 -> 4, ReLU             e1 (N, 4, 8, 8)   (kept for the skip)
    down: 2x2 average pool, stride 2                     p1 (N, 4, 4, 4)
    mid:  conv 3x3, padding 1, 4 -> 8, ReLU              e2 (N, 8, 4, 4)
    up:   transposed conv 2x2, stride 2, 8 -> 4          u  (N, 4, 8, 8)
    skip: concatenate [u, e1] along the channels         c  (N, 8, 8, 8)
    head: conv 1x1, 8 -> 1                               z  (N, 1, 8, 8) logits
    loss: binary cross-entropy of sigmoid(z) against the clean image, mean over every pixel

The 2x2 stride-2 transposed convolution has non-overlapping footprints: input
pixel (i, j) writes the 2x2 block (2i + a, 2j + b) of the output, weighted by
Wu[c, o, a, b]; its backward reads the same blocks back (an ordinary 2x2
stride-2 convolution of the output gradient).

Parameters (self.params), in the layouts torch uses:
    Ke (4, 1, 3, 3), be (4,), Km (8, 4, 3, 3), bm (8,),
    Wu (8, 4, 2, 2) (cin, cout, kh, kw) as nn.ConvTranspose2d, bu (4,),
    Wh (1, 8, 1, 1), bh (1,)
Adam (lr 0.01, betas 0.9, 0.999, eps 1e-8), state self.m, self.v, step self.t.
"""

import numpy as np


def conv3x3(x, K, b):
    """x (N, C, H, W), K (O, C, 3, 3), padding 1 -> (N, O, H, W)."""
    N, C, H, W = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    out = np.zeros((N, K.shape[0], H, W), dtype=x.dtype)
    for di in range(3):
        for dj in range(3):
            out += np.einsum("ncij,oc->noij", xp[:, :, di:di + H, dj:dj + W], K[:, :, di, dj])
    return out + b[None, :, None, None]


def conv3x3_backward(dout, x, K, need_dx=True):
    N, C, H, W = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    dK = np.zeros_like(K)
    dxp = np.zeros_like(xp) if need_dx else None
    for di in range(3):
        for dj in range(3):
            dK[:, :, di, dj] = np.einsum("noij,ncij->oc", dout, xp[:, :, di:di + H, dj:dj + W])
            if need_dx:
                dxp[:, :, di:di + H, dj:dj + W] += np.einsum("noij,oc->ncij", dout, K[:, :, di, dj])
    db = dout.sum(axis=(0, 2, 3))
    dx = dxp[:, :, 1:-1, 1:-1] if need_dx else None
    return dx, dK, db


def avgpool2(x):
    N, C, H, W = x.shape
    return x.reshape(N, C, H // 2, 2, W // 2, 2).mean(axis=(3, 5))


def avgpool2_backward(dp):
    # each input pixel of a 2x2 window receives a quarter of the window's gradient
    return np.repeat(np.repeat(dp, 2, axis=2), 2, axis=3)  # fix: return np.repeat(np.repeat(dp, 2, axis=2), 2, axis=3) * 0.25


def tconv2x2(x, Wu, bu):
    """x (N, C, h, w), Wu (C, O, 2, 2), stride 2 -> (N, O, 2h, 2w)."""
    N, C, h, w = x.shape
    O = Wu.shape[1]
    blocks = np.einsum("ncij,coab->noiajb", x, Wu)           # (N, O, h, 2, w, 2)
    return blocks.reshape(N, O, 2 * h, 2 * w) + bu[None, :, None, None]


def tconv2x2_backward(dout, x, Wu):
    N, C, h, w = x.shape
    O = Wu.shape[1]
    dblocks = dout.reshape(N, O, h, 2, w, 2)
    dWu = np.einsum("ncij,noiajb->coab", x, dblocks)
    dx = np.einsum("coab,noiajb->ncij", Wu, dblocks)
    dbu = dout.sum(axis=(0, 2, 3))
    return dx, dWu, dbu


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class TinyUNet:
    def __init__(self, seed=0, lr=0.01, betas=(0.9, 0.999), eps=1e-8):
        rng = np.random.default_rng(seed)

        def init(shape, fan_in):
            return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(np.float32)

        self.params = {
            "Ke": init((4, 1, 3, 3), 9),
            "be": np.zeros(4, dtype=np.float32),
            "Km": init((8, 4, 3, 3), 36),
            "bm": np.zeros(8, dtype=np.float32),
            "Wu": init((8, 4, 2, 2), 32),
            "bu": np.zeros(4, dtype=np.float32),
            "Wh": init((1, 8, 1, 1), 8),
            "bh": np.zeros(1, dtype=np.float32),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps

    def forward(self, X):
        p = self.params
        a1 = conv3x3(X, p["Ke"], p["be"])
        e1 = np.maximum(a1, 0)
        p1 = avgpool2(e1)
        a2 = conv3x3(p1, p["Km"], p["bm"])
        e2 = np.maximum(a2, 0)
        u = tconv2x2(e2, p["Wu"], p["bu"])
        c = np.concatenate([u, e1], axis=1)
        z = np.einsum("nchw,oc->nohw", c, p["Wh"][:, :, 0, 0]) + p["bh"][None, :, None, None]
        self.cache = (X, a1, e1, p1, a2, e2, c)
        return z

    @staticmethod
    def _bce(z, y):
        # mean of -[y log s + (1 - y) log(1 - s)], s = sigmoid(z), written stably
        return np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def loss(self, X, y):
        return self._bce(self.forward(X), y)

    def backward(self, X, y):
        p = self.params
        z = self.forward(X)
        X, a1, e1, p1, a2, e2, c = self.cache
        loss = self._bce(z, y)
        dz = (sigmoid(z) - y) / z.size

        dWh = np.einsum("nohw,nchw->oc", dz, c)[:, :, None, None]
        dbh = dz.sum(axis=(0, 2, 3))
        dc = np.einsum("nohw,oc->nchw", dz, p["Wh"][:, :, 0, 0])
        du, de1_skip = dc[:, :4], dc[:, 4:]

        de2, dWu, dbu = tconv2x2_backward(du, e2, p["Wu"])
        da2 = de2 * (a2 > 0)
        dp1, dKm, dbm = conv3x3_backward(da2, p1, p["Km"])
        de1 = de1_skip + avgpool2_backward(dp1)
        da1 = de1 * (a1 > 0)
        _, dKe, dbe = conv3x3_backward(da1, X, p["Ke"], need_dx=False)

        self.grads = {"Ke": dKe, "be": dbe, "Km": dKm, "bm": dbm,
                      "Wu": dWu, "bu": dbu, "Wh": dWh, "bh": dbh}
        return loss

    def adam(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "unet2d.npz"))
    net = TinyUNet()
    for s in range(200):
        l = net.train_step(d["X"], d["y"])
        if s % 40 == 0:
            print(s, l)
