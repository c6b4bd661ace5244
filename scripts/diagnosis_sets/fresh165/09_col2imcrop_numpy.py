"""A tiny residual CNN on 2x8x8 images, written by hand in NumPy.

conv1 3x3 pad 1 (2->4, bias) -> ReLU = h
residual block: conv2 3x3 pad 1 (4->4) -> ReLU -> conv3 3x3 pad 1 (4->4), + h (identity), ReLU
-> 2x2 average pool (stride 2) -> flatten in C-order (c, i, j) -> dense 64 -> 4
-> softmax cross-entropy, mean over the batch.
AdamW (decoupled weight decay on every parameter, as torch.optim.AdamW) with a cosine-annealed
learning rate (CosineAnnealingLR: eta_min + (lr - eta_min) (1 + cos(pi t / T_max)) / 2).

Parameters, self.params:
    K1 (4, 2, 3, 3), K2, K3 (4, 4, 3, 3)   kernels (cout, cin, kh, kw), torch's layout
    b1, b2, b3 (4,)                        conv biases
    W (64, 4)                              dense weight (in, out)
    b (4,)                                 dense bias
"""

import math
import os

import numpy as np


def im2col(x, k=3, stride=1, pad=1):
    """(N, C, H, W) -> patches (N*oh*ow, C*k*k) with columns in (c, di, dj) order."""
    N, C, H, W = x.shape
    oh = (H + 2 * pad - k) // stride + 1
    ow = (W + 2 * pad - k) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    cols = np.empty((N, C, k, k, oh, ow), dtype=x.dtype)
    for di in range(k):
        for dj in range(k):
            cols[:, :, di, dj] = xp[:, :, di:di + stride * oh:stride, dj:dj + stride * ow:stride]
    return cols.transpose(0, 4, 5, 1, 2, 3).reshape(N * oh * ow, C * k * k), oh, ow


def col2im(dcols, x_shape, oh, ow, k=3, stride=1, pad=1):
    """Adjoint of im2col: scatter-add the patch gradients back onto the (unpadded) input."""
    N, C, H, W = x_shape
    d = dcols.reshape(N, oh, ow, C, k, k).transpose(0, 3, 4, 5, 1, 2)
    dxp = np.zeros((N, C, H + 2 * pad, W + 2 * pad), dtype=dcols.dtype)
    for di in range(k):
        for dj in range(k):
            dxp[:, :, di:di + stride * oh:stride, dj:dj + stride * ow:stride] += d[:, :, di, dj]
    return dxp[:, :, :H, :W]


class TinyResNet:
    def __init__(self, in_ch=2, width=4, classes=4, size=8, lr=0.003, weight_decay=0.05,
                 betas=(0.9, 0.999), eps=1e-8, T_max=30, eta_min=1e-4, seed=0):
        rng = np.random.default_rng(seed)
        feat = width * (size // 2) ** 2

        def he(shape, fan_in):
            return rng.standard_normal(shape) * math.sqrt(2.0 / fan_in)

        self.params = {
            "K1": he((width, in_ch, 3, 3), in_ch * 9),
            "b1": rng.standard_normal(width) * 0.1,
            "K2": he((width, width, 3, 3), width * 9),
            "b2": rng.standard_normal(width) * 0.1,
            "K3": he((width, width, 3, 3), width * 9) * 0.5,
            "b3": rng.standard_normal(width) * 0.1,
            "W": rng.standard_normal((feat, classes)) / math.sqrt(feat),
            "b": np.zeros(classes),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr0, self.wd, self.betas, self.eps = lr, weight_decay, betas, eps
        self.T_max, self.eta_min = T_max, eta_min
        self.t = 0

    # ---------------------------------------------------------------- layers
    def conv(self, x, K, b):
        cols, oh, ow = im2col(x)
        cout = K.shape[0]
        z = cols @ K.reshape(cout, -1).T + b
        return z.reshape(x.shape[0], oh, ow, cout).transpose(0, 3, 1, 2), cols

    def conv_backward(self, dz, cols, K, x_shape, need_dx=True):
        cout = K.shape[0]
        N, _, oh, ow = dz.shape
        dz_cols = dz.transpose(0, 2, 3, 1).reshape(-1, cout)
        dK = (dz_cols.T @ cols).reshape(K.shape)
        db = dz_cols.sum(axis=0)
        dx = col2im(dz_cols @ K.reshape(cout, -1), x_shape, oh, ow) if need_dx else None
        return dK, db, dx

    # --------------------------------------------------------------- forward
    def forward(self, X):
        p = self.params
        c = {}
        c["z1"], c["cols1"] = self.conv(X, p["K1"], p["b1"])
        h = np.maximum(c["z1"], 0)
        c["h"] = h
        c["z2"], c["cols2"] = self.conv(h, p["K2"], p["b2"])
        h2 = np.maximum(c["z2"], 0)
        c["h2"] = h2
        c["z3"], c["cols3"] = self.conv(h2, p["K3"], p["b3"])
        s = c["z3"] + h
        c["s"] = s
        r = np.maximum(s, 0)
        N, C, H, W = r.shape
        pooled = r.reshape(N, C, H // 2, 2, W // 2, 2).mean(axis=(3, 5))
        c["pooled_shape"] = pooled.shape
        flat = pooled.reshape(N, -1)
        c["flat"] = flat
        logits = flat @ p["W"] + p["b"]
        return logits, c

    def loss(self, X, y):
        logits, _ = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    # -------------------------------------------------------------- backward
    def backward(self, X, y):
        p, g = self.params, self.grads
        logits, c = self.forward(X)
        N = X.shape[0]
        z = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        g["W"] = c["flat"].T @ dlogits
        g["b"] = dlogits.sum(axis=0)
        dpooled = (dlogits @ p["W"].T).reshape(c["pooled_shape"])
        dr = np.repeat(np.repeat(dpooled, 2, axis=2), 2, axis=3) / 4
        ds = dr * (c["s"] > 0)

        # residual block: ds flows into conv3 and, unchanged, along the identity shortcut
        g["K3"], g["b3"], dh2 = self.conv_backward(ds, c["cols3"], p["K3"], c["h2"].shape)
        dz2 = dh2 * (c["z2"] > 0)
        g["K2"], g["b2"], dh = self.conv_backward(dz2, c["cols2"], p["K2"], c["h"].shape)
        dh = dh + ds
        dz1 = dh * (c["z1"] > 0)
        g["K1"], g["b1"], _ = self.conv_backward(dz1, c["cols1"], p["K1"], X.shape, need_dx=False)
        return loss

    # ------------------------------------------------------------- optimizer
    def lr_at(self, t):
        """Cosine annealing over T_max steps; t = steps already taken."""
        return self.eta_min + (self.lr0 - self.eta_min) * (1 + math.cos(math.pi * t / self.T_max)) / 2

    def step(self):
        lr = self.lr_at(self.t)
        self.t += 1
        b1, b2 = self.betas
        bc1 = 1 - b1 ** self.t
        bc2 = 1 - b2 ** self.t
        for k, w in self.params.items():
            gk = self.grads[k]
            w *= 1 - lr * self.wd
            self.m[k] = b1 * self.m[k] + (1 - b1) * gk
            self.v[k] = b2 * self.v[k] + (1 - b2) * gk * gk
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            w -= (lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "res.npz"))
    net = TinyResNet()
    for i in range(30):
        l = net.train_step(d["X"].astype(np.float64), d["y"])
        if i % 5 == 0:
            print(i, l)
