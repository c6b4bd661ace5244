"""A small downsampling residual CNN on 3x8x8 images, NumPy, channels-last (NHWC) inside.

The batch arrives as (N, C, H, W) and is transposed to (N, H, W, C) once; every layer works on
channels-last maps, kernels are kept (kh, kw, cin, cout) and im2col patches in (di, dj, c) order.

stem   conv 3x3 stride 1 pad 1 (3->4, bias) -> ReLU = h0                      (N, 8, 8, 4)
block  conv_a 3x3 stride 2 pad 1 (4->6, bias) -> ReLU -> conv_b 3x3 stride 1 pad 1 (6->6, bias)
       shortcut: 1x1 conv stride 2 (4->6, no bias) on h0; sum; ReLU            (N, 4, 4, 6)
head   2x2 average pool -> (N, 2, 2, 6) -> flatten C-order, i.e. (i, j, c) -> dense 24 -> 3
loss   softmax cross-entropy, mean over the batch
SGD, momentum 0.9, weight decay 5e-3 coupled (g + wd w, as torch.optim.SGD) on the kernels and
the dense weight only (no decay on biases). Learning rate: linear warm-up over 4 steps from
0.1 * lr, then cosine annealing to 0 over 26 steps (LinearLR then CosineAnnealingLR).

Parameters (attributes): Ws (3,3,3,4) bs (4,), Wa (3,3,4,6) ba (6,), Wb (3,3,6,6) bb (6,),
Wp (1,1,4,6), Wd (24,3) bd (3,).
"""

import math
import os

import numpy as np

PARAMS = ("Ws", "bs", "Wa", "ba", "Wb", "bb", "Wp", "Wd", "bd")
DECAY = ("Ws", "Wa", "Wb", "Wp", "Wd")


def im2col_nhwc(x, k, stride, pad):
    N, H, W, C = x.shape
    oh = (H + 2 * pad - k) // stride + 1
    ow = (W + 2 * pad - k) // stride + 1
    xp = np.pad(x, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    cols = np.empty((N, oh, ow, k, k, C), dtype=x.dtype)
    for di in range(k):
        for dj in range(k):
            cols[:, :, :, di, dj, :] = xp[:, di:di + stride * oh:stride, dj:dj + stride * ow:stride, :]
    return cols.reshape(N * oh * ow, k * k * C), oh, ow


def col2im_nhwc(dcols, x_shape, oh, ow, k, stride, pad):
    N, H, W, C = x_shape
    d = dcols.reshape(N, oh, ow, k, k, C)
    dxp = np.zeros((N, H + 2 * pad, W + 2 * pad, C), dtype=dcols.dtype)
    for di in range(k):
        for dj in range(k):
            dxp[:, di:di + stride * oh:stride, dj:dj + stride * ow:stride, :] += d[:, :, :, di, dj, :]
    return dxp[:, pad:pad + H, pad:pad + W, :]


class Conv:
    """Stateless helpers for a k x k convolution of NHWC maps."""

    @staticmethod
    def forward(x, Wk, b, stride, pad):
        k, _, _, cout = Wk.shape
        cols, oh, ow = im2col_nhwc(x, k, stride, pad)
        z = cols @ Wk.reshape(-1, cout)
        if b is not None:
            z = z + b
        return z.reshape(x.shape[0], oh, ow, cout), cols

    @staticmethod
    def backward(dz, cols, Wk, x_shape, stride, pad, need_dx=True):
        k, _, _, cout = Wk.shape
        N, oh, ow, _ = dz.shape
        dz2 = dz.reshape(-1, cout)
        dW = (cols.T @ dz2).reshape(Wk.shape)
        db = dz2.sum(axis=0)
        dx = col2im_nhwc(dz2 @ Wk.reshape(-1, cout).T, x_shape, oh, ow, k, stride, pad) if need_dx else None
        return dW, db, dx


class DownsampleNet:
    def __init__(self, in_ch=3, c0=4, c1=6, classes=3, lr=0.05, momentum=0.9, weight_decay=5e-3,
                 warmup=4, warmup_start=0.1, T_max=26, seed=0):
        rng = np.random.default_rng(seed)
        he = lambda shape, fan_in: rng.standard_normal(shape) * math.sqrt(2.0 / fan_in)
        self.Ws = he((3, 3, in_ch, c0), 9 * in_ch)
        self.bs = rng.standard_normal(c0) * 0.1
        self.Wa = he((3, 3, c0, c1), 9 * c0)
        self.ba = rng.standard_normal(c1) * 0.1
        self.Wb = he((3, 3, c1, c1), 9 * c1) * 0.5
        self.bb = rng.standard_normal(c1) * 0.1
        self.Wp = he((1, 1, c0, c1), c0)
        self.Wd = rng.standard_normal((4 * c1, classes)) / math.sqrt(4 * c1)
        self.bd = rng.standard_normal(classes) * 0.1
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in PARAMS}
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in PARAMS}
        self.base_lr, self.mu, self.wd = lr, momentum, weight_decay
        self.warmup, self.warmup_start, self.T_max = warmup, warmup_start, T_max
        self.steps_done = 0

    def forward(self, X):
        cache = {}
        x = X.transpose(0, 2, 3, 1)                                    # NCHW -> NHWC
        cache["x_shape"] = x.shape
        z0, cache["cols_s"] = Conv.forward(x, self.Ws, self.bs, 1, 1)
        h0 = np.maximum(z0, 0)
        za, cache["cols_a"] = Conv.forward(h0, self.Wa, self.ba, 2, 1)
        ha = np.maximum(za, 0)
        zb, cache["cols_b"] = Conv.forward(ha, self.Wb, self.bb, 1, 1)
        h0_sub = h0[:, ::2, ::2, :]                                    # what a 1x1 stride-2 conv sees
        sc = h0_sub @ self.Wp[0, 0]
        s = zb + sc
        r = np.maximum(s, 0)
        N, H, W, C = r.shape
        pooled = r.reshape(N, H // 2, 2, W // 2, 2, C).mean(axis=(2, 4))   # (N, 2, 2, C)
        flat = pooled.reshape(N, -1)                                   # (i, j, c) order
        logits = flat @ self.Wd + self.bd
        cache.update(z0=z0, h0=h0, za=za, ha=ha, h0_sub=h0_sub, s=s, pooled=pooled, flat=flat)
        return logits, cache

    def loss(self, X, y):
        logits, _ = self.forward(X)
        m = logits.max(axis=1, keepdims=True)
        lse = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
        return (lse - logits[np.arange(len(y)), y]).mean()

    def backward(self, X, y):
        logits, c = self.forward(X)
        N = len(y)
        m = logits.max(axis=1, keepdims=True)
        e = np.exp(logits - m)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()
        g = self.grads

        dlogits = probs
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        g["Wd"] = c["flat"].T @ dlogits
        g["bd"] = dlogits.sum(axis=0)
        dpooled = (dlogits @ self.Wd.T).reshape(c["pooled"].shape)
        dr = np.repeat(np.repeat(dpooled, 2, axis=1), 2, axis=2) * 0.25
        ds = dr * (c["s"] > 0)

        # shortcut: 1x1 stride-2 conv of h0
        g["Wp"] = np.einsum("nijc,nijd->cd", c["h0_sub"], ds)[None, None]
        dh0 = np.zeros_like(c["h0"])
        dh0[:, ::2, ::2, :] = ds @ self.Wp[0, 0].T
        # main path
        g["Wb"], g["bb"], dha = Conv.backward(ds, c["cols_b"], self.Wb, c["ha"].shape, 1, 1)
        dza = dha * (c["za"] > 0)
        g["Wa"], g["ba"], dh0_main = Conv.backward(dza, c["cols_a"], self.Wa, c["h0"].shape, 2, 1)
        dh0 += dh0_main
        dz0 = dh0 * (c["z0"] > 0)
        g["Ws"], g["bs"], _ = Conv.backward(dz0, c["cols_s"], self.Ws, c["x_shape"], 1, 1, need_dx=False)
        return loss

    def current_lr(self):
        t = self.steps_done
        if t < self.warmup:
            return self.base_lr * (self.warmup_start + (1 - self.warmup_start) * t / self.warmup)
        return self.base_lr * (1 + math.cos(math.pi * (t - self.warmup) / self.T_max)) / 2

    def sgd_step(self):
        lr = self.current_lr()
        for name in PARAMS:
            w = getattr(self, name)
            d = self.grads[name]
            if name in DECAY:
                d = d + self.wd * w
            self.velocity[name] = self.mu * self.velocity[name] + d
            w -= lr * self.velocity[name]
        self.steps_done += 1

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.sgd_step()
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "down.npz"))
    net = DownsampleNet()
    for i in range(30):
        l = net.train_step(d["X"].astype(np.float64), d["y"])
        if i % 5 == 0 or i == 29:
            print(i, l)
