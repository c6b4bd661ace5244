"""A small residual conv net with batch normalisation, forward and backward by hand in NumPy.

    stem : conv 3x3 stride 1 pad 1, 2->4, no bias -> BN -> ReLU           (N, 4, 8, 8)
    block: conv 3x3 stride 2 pad 1, 4->8, no bias -> BN -> ReLU            (N, 8, 4, 4)
           conv 3x3 stride 1 pad 1, 8->8, no bias -> BN
           shortcut: conv 1x1 stride 2, 4->8, no bias -> BN (projection)
           add -> ReLU
    head : global average pooling -> dense 8->3 -> softmax cross-entropy (mean over the batch)

Convolutions by im2col; kernels kept (kh, kw, cin, cout); dense W kept (in, out).
Batch norm in training mode (batch mean, biased variance, eps 1e-5).

SGD with Nesterov momentum 0.9 as torch.optim.SGD(nesterov=True); weight decay 1e-2 added
to the gradient of the conv kernels and the dense weight only (not BN gamma/beta, not the
bias). Learning rate: linear warmup over 5 steps then cosine to 0 at step 20,
lr_t = base * f(t), t = number of previous updates.

    X: float (N, 2, 8, 8), y: int64 (N,)
"""

import math
import os

import numpy as np


def im2col(x, kh, kw, stride, pad):
    N, C, H, W = x.shape
    Ho = (H + 2 * pad - kh) // stride + 1
    Wo = (W + 2 * pad - kw) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    cols = np.empty((N, Ho, Wo, kh, kw, C), dtype=x.dtype)
    for i in range(kh):
        for j in range(kw):
            cols[:, :, :, i, j, :] = xp[:, :, i:i + stride * Ho:stride,
                                        j:j + stride * Wo:stride].transpose(0, 2, 3, 1)
    return cols.reshape(N * Ho * Wo, kh * kw * C), Ho, Wo


def col2im(dcols, x_shape, kh, kw, stride, pad, Ho, Wo):
    N, C, H, W = x_shape
    dcols = dcols.reshape(N, Ho, Wo, kh, kw, C)
    dxp = np.zeros((N, C, H + 2 * pad, W + 2 * pad), dtype=dcols.dtype)
    for i in range(kh):
        for j in range(kw):
            dxp[:, :, i:i + stride * Ho:stride,
                j:j + stride * Wo:stride] += dcols[:, :, :, i, j, :].transpose(0, 3, 1, 2)
    return dxp[:, :, pad:pad + H, pad:pad + W]


def conv_forward(x, K, stride, pad):
    kh, kw, cin, cout = K.shape
    cols, Ho, Wo = im2col(x, kh, kw, stride, pad)
    out = cols @ K.reshape(-1, cout)
    out = out.reshape(x.shape[0], Ho, Wo, cout).transpose(0, 3, 1, 2)
    return out, (x.shape, cols, K, stride, pad, Ho, Wo)


def conv_backward(dout, cache):
    x_shape, cols, K, stride, pad, Ho, Wo = cache
    kh, kw, cin, cout = K.shape
    dout_cols = dout.transpose(0, 2, 3, 1).reshape(-1, cout)
    dK = (cols.T @ dout_cols).reshape(K.shape)
    dcols = dout_cols @ K.reshape(-1, cout).T
    dx = col2im(dcols, x_shape, kh, kw, stride, pad, Ho, Wo)
    return dx, dK


def bn_forward(x, gamma, beta, eps):
    mean = x.mean(axis=(0, 2, 3), keepdims=True)
    var = x.var(axis=(0, 2, 3), keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    xhat = (x - mean) * inv_std
    out = gamma[None, :, None, None] * xhat + beta[None, :, None, None]
    return out, (xhat, inv_std, gamma)


def bn_backward(dout, cache):
    xhat, inv_std, gamma = cache
    N, C, H, W = dout.shape
    M = N * H * W
    dgamma = (dout * xhat).sum(axis=(0, 2, 3))
    dbeta = dout.sum(axis=(0, 2, 3))
    dxhat = dout * gamma[None, :, None, None]
    dx = (inv_std / M) * (M * dxhat - dxhat.sum(axis=(0, 2, 3), keepdims=True)
                          - xhat * (dxhat * xhat).sum(axis=(0, 2, 3), keepdims=True))
    return dx, dgamma, dbeta


class ResBNNet:
    def __init__(self, cin=2, c0=4, c1=8, classes=3, lr=0.1, momentum=0.9,
                 weight_decay=1e-2, warmup=5, total_steps=20, eps=1e-5, seed=0,
                 dtype=np.float32):
        rng = np.random.default_rng(seed)
        self.dtype = dtype

        def kaiming(shape):
            fan_in = shape[0] * shape[1] * shape[2]
            return rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)

        p = {
            "stem_k": kaiming((3, 3, cin, c0)),
            "stem_g": 1.0 + 0.1 * rng.standard_normal(c0),
            "stem_b": 0.1 * rng.standard_normal(c0),
            "c1_k": kaiming((3, 3, c0, c1)),
            "c1_g": 1.0 + 0.1 * rng.standard_normal(c1),
            "c1_b": 0.1 * rng.standard_normal(c1),
            "c2_k": kaiming((3, 3, c1, c1)),
            "c2_g": 1.0 + 0.1 * rng.standard_normal(c1),
            "c2_b": 0.1 * rng.standard_normal(c1),
            "sc_k": kaiming((1, 1, c0, c1)),
            "sc_g": 1.0 + 0.1 * rng.standard_normal(c1),
            "sc_b": 0.1 * rng.standard_normal(c1),
            "fc_W": rng.standard_normal((c1, classes)) / np.sqrt(c1),
            "fc_b": 0.1 * rng.standard_normal(classes),
        }
        self.params = {k: v.astype(dtype) for k, v in p.items()}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.decay = {k for k in self.params if k.endswith("_k") or k == "fc_W"}

        self.eps = eps
        self.base_lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.warmup = warmup
        self.total_steps = total_steps
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def lr_factor(self, t):
        if t < self.warmup:
            return (t + 1) / self.warmup
        progress = (t - self.warmup) / (self.total_steps - self.warmup)
        return 0.5 * (1.0 + math.cos(math.pi * progress))

    def forward(self, X):
        p = self.params
        caches = {}
        z0, caches["stem"] = conv_forward(X, p["stem_k"], 1, 1)
        u0, caches["bn0"] = bn_forward(z0, p["stem_g"], p["stem_b"], self.eps)
        h0 = np.maximum(u0, 0)
        z1, caches["c1"] = conv_forward(h0, p["c1_k"], 2, 1)
        u1, caches["bn1"] = bn_forward(z1, p["c1_g"], p["c1_b"], self.eps)
        h1 = np.maximum(u1, 0)
        z2, caches["c2"] = conv_forward(h1, p["c2_k"], 1, 1)
        u2, caches["bn2"] = bn_forward(z2, p["c2_g"], p["c2_b"], self.eps)
        zs, caches["sc"] = conv_forward(h0, p["sc_k"], 2, 0)
        us, caches["bns"] = bn_forward(zs, p["sc_g"], p["sc_b"], self.eps)
        s = u2 + us
        h = np.maximum(s, 0)
        pooled = h.mean(axis=(2, 3))
        logits = pooled @ p["fc_W"] + p["fc_b"]
        caches.update(u0=u0, u1=u1, s=s, pooled=pooled, h_shape=h.shape)
        return logits, caches

    def loss_and_grads(self, X, y):
        p = self.params
        X = np.asarray(X, dtype=self.dtype)
        logits, c = self.forward(X)
        N = X.shape[0]
        shifted = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(shifted)
        probs /= probs.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        g = self.grads
        g["fc_W"] = c["pooled"].T @ dlogits
        g["fc_b"] = dlogits.sum(axis=0)
        dpooled = dlogits @ p["fc_W"].T
        _, _, H, W = c["h_shape"]
        dh = np.broadcast_to(dpooled[:, :, None, None] / (H * W), c["h_shape"])
        ds = dh * (c["s"] > 0)
        # main path
        dz2, g["c2_g"], g["c2_b"] = bn_backward(ds, c["bn2"])
        dh1, g["c2_k"] = conv_backward(dz2, c["c2"])
        du1 = dh1 * (c["u1"] > 0)
        dz1, g["c1_g"], g["c1_b"] = bn_backward(du1, c["bn1"])
        dh0_main, g["c1_k"] = conv_backward(dz1, c["c1"])
        # projection shortcut
        dzs, g["sc_g"], g["sc_b"] = bn_backward(ds, c["bns"])
        dh0_sc, g["sc_k"] = conv_backward(dzs, c["sc"])
        dh0 = dh0_main + dh0_sc
        du0 = dh0 * (c["u0"] > 0)
        dz0, g["stem_g"], g["stem_b"] = bn_backward(du0, c["bn0"])
        _, g["stem_k"] = conv_backward(dz0, c["stem"])
        return loss

    def sgd_step(self):
        lr = self.base_lr * self.lr_factor(self.t)
        mu = self.momentum
        for k, p in self.params.items():
            grad = self.grads[k]
            if k in self.decay:
                grad = grad + self.weight_decay * p
            v = self.velocity[k]
            v *= mu
            v += grad
            p -= lr * (grad + mu * v)
        self.t += 1

    def train_step(self, X, y):
        loss = self.loss_and_grads(X, y)
        self.sgd_step()
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "resbn.npz"))
    net = ResBNNet()
    for step in range(20):
        print(step, net.train_step(d["X"], d["y"]))
