"""A tiny 2-D U-Net with a transposed-convolution decoder and a soft Dice loss, by hand in NumPy.

    X (N, 1, 8, 8) images, y (N, 1, 8, 8) binary masks.

enc   conv 1->4, 3x3, stride 1, pad 1, ReLU                     e1 (N, 4, 8, 8)
down  conv 4->8, 3x3, stride 2, pad 1, ReLU                     e2 (N, 8, 4, 4)
up    transposed conv 8->4, 2x2, stride 2, ReLU                 u  (N, 4, 8, 8)
skip  concat [u, e1] along channels                             c  (N, 8, 8, 8)
head  conv 8->1, 1x1                                            z  (N, 1, 8, 8)
loss  p = sigmoid(z); per image dice = (2 sum(p y) + 1) / (sum p + sum y + 1);
      loss = 1 - mean over the batch of dice
Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, L2 weight decay 1e-3 added to every gradient
(torch.optim.Adam(weight_decay=1e-3)).

Layouts as torch: conv weights (cout, cin, kh, kw), the transposed conv (cin, cout, kh, kw).
"""

import numpy as np


def conv2d(x, W, b, stride=1, pad=1):
    N, C, H, Wd = x.shape
    O, _, KH, KW = W.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    OH = (H + 2 * pad - KH) // stride + 1
    OW = (Wd + 2 * pad - KW) // stride + 1
    out = np.zeros((N, O, OH, OW), dtype=x.dtype)
    for i in range(KH):
        for j in range(KW):
            patch = xp[:, :, i:i + stride * (OH - 1) + 1:stride, j:j + stride * (OW - 1) + 1:stride]
            out += np.einsum("oc,nchw->nohw", W[:, :, i, j], patch)
    return out + b[None, :, None, None], xp


def conv2d_backward(dout, xp, W, stride=1, pad=1):
    N, O, OH, OW = dout.shape
    KH, KW = W.shape[2:]
    dW = np.zeros_like(W)
    dxp = np.zeros_like(xp)
    for i in range(KH):
        for j in range(KW):
            si = slice(i, i + stride * (OH - 1) + 1, stride)
            sj = slice(j, j + stride * (OW - 1) + 1, stride)
            dW[:, :, i, j] = np.einsum("nohw,nchw->oc", dout, xp[:, :, si, sj])
            dxp[:, :, si, sj] += np.einsum("oc,nohw->nchw", W[:, :, i, j], dout)
    db = dout.sum(axis=(0, 2, 3))
    H, Wd = xp.shape[2] - 2 * pad, xp.shape[3] - 2 * pad
    return dxp[:, :, :H, :Wd], dW, db


def conv_transpose2x2(x, W, b):
    """Stride-2, 2x2 transposed conv: out[n, d, 2h+a, 2w+e] = sum_c x[n, c, h, w] W[c, d, a, e] + b[d]."""
    N, C, H, Wd = x.shape
    D = W.shape[1]
    out = np.einsum("nchw,cdae->ndhawe", x, W).reshape(N, D, 2 * H, 2 * Wd)
    return out + b[None, :, None, None]


def conv_transpose2x2_backward(dout, x, W):
    N, C, H, Wd = x.shape
    D = W.shape[1]
    d6 = dout.reshape(N, D, H, 2, Wd, 2)
    dx = np.einsum("ndhawe,cdae->nchw", d6, W)
    dW = np.einsum("ndhawe,nchw->cdae", d6, x)
    db = dout.sum(axis=(0, 2, 3))
    return dx, dW, db


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class DiceUNet:
    def __init__(self, seed=0, lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-3, smooth=1.0):
        rng = np.random.default_rng(seed)

        def he(shape, fan_in):
            return rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)

        self.params = {
            "W1": he((4, 1, 3, 3), 9),
            "b1": 0.1 * rng.standard_normal(4),
            "W2": he((8, 4, 3, 3), 36),
            "b2": 0.1 * rng.standard_normal(8),
            "Wt": he((8, 4, 2, 2), 8),
            "bt": 0.1 * rng.standard_normal(4),
            "Wh": he((1, 8, 1, 1), 8),
            "bh": 0.1 * rng.standard_normal(1),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, (self.beta1, self.beta2), self.eps, self.wd = lr, betas, eps, weight_decay
        self.smooth = smooth
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        X = X.astype(p["W1"].dtype, copy=False)
        a1, xp1 = conv2d(X, p["W1"], p["b1"], 1, 1)
        e1 = np.maximum(a1, 0)
        a2, xp2 = conv2d(e1, p["W2"], p["b2"], 2, 1)
        e2 = np.maximum(a2, 0)
        a3 = conv_transpose2x2(e2, p["Wt"], p["bt"])
        u = np.maximum(a3, 0)
        c = np.concatenate([u, e1], axis=1)
        z, xp4 = conv2d(c, p["Wh"], p["bh"], 1, 0)
        self.cache = (xp1, a1, xp2, a2, e2, a3, xp4)
        return z

    def dice_loss(self, z, y):
        prob = sigmoid(z)
        inter = (prob * y).sum(axis=(1, 2, 3))
        union = prob.sum(axis=(1, 2, 3)) + y.sum(axis=(1, 2, 3))
        dice = (2 * inter + self.smooth) / (union + self.smooth)
        return 1 - dice.mean(), prob, inter, union

    def loss(self, X, y):
        return self.dice_loss(self.forward(X), y.astype(self.params["W1"].dtype, copy=False))[0]

    def backward(self, X, y):
        p, g = self.params, self.grads
        y = y.astype(p["W1"].dtype, copy=False)
        z = self.forward(X)
        loss, prob, inter, union = self.dice_loss(z, y)
        xp1, a1, xp2, a2, e2, a3, xp4 = self.cache
        N = z.shape[0]

        num = (2 * inter + self.smooth)[:, None, None, None]
        den = (union + self.smooth)[:, None, None, None]
        dprob = -(2 * y * den - num) / (den * den) / N
        dz = dprob * prob * (1 - prob)

        dc, g["Wh"], g["bh"] = conv2d_backward(dz, xp4, p["Wh"], 1, 0)
        du, de1_skip = dc[:, :4], dc[:, 4:]
        da3 = du * (a3 > 0)
        de2, g["Wt"], g["bt"] = conv_transpose2x2_backward(da3, e2, p["Wt"])
        da2 = de2 * (a2 > 0)
        de1, g["W2"], g["b2"] = conv2d_backward(da2, xp2, p["W2"], 2, 1)
        da1 = (de1 + de1_skip) * (a1 > 0)
        _, g["W1"], g["b1"] = conv2d_backward(da1, xp1, p["W1"], 1, 1)
        return loss

    def adam(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, w in self.params.items():
            g = self.grads[k] + self.wd * w
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g ** 2
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)
