"""A dilated 1-D convolutional classifier for channels-last time series, by hand in NumPy.

    X (N, 20, 4) float, stored (batch, time, channel); y (N,) int in {0, 1, 2, 3}

Everything stays channels-last, (N, L, C):
conv1  4->6, kernel 3, dilation 2, zero padding 2 (same length) -> (N, 20, 6)
leaky ReLU (slope 0.05), max-pool 2 over time (argmax routing) -> (N, 10, 6)
conv2  6->8, kernel 4, stride 2, padding 1                      -> (N, 5, 8)
ReLU, global average pool over time                            -> (N, 8)
dense 8->4 (W kept (out, in)), softmax cross-entropy (mean).

The convolutions are a loop over the kernel taps: tap j reads the padded series at
t * stride + j * dilation and multiplies by K[j] (kernels kept (k, cin, cout)).

SGD with momentum 0.9 and L2 weight decay 1e-2 on the kernels and the dense weight only
(biases undecayed), coupled into the gradient (g + wd p) as torch.optim.SGD does;
learning rate 0.1, multiplied by 0.2 at steps 8 and 14 (milestones, counted in steps taken).
"""

import numpy as np


def out_len(length, k, stride, padding, dilation):
    return (length + 2 * padding - dilation * (k - 1) - 1) // stride + 1


def conv_fwd(x, K, b, stride=1, padding=0, dilation=1):
    """x (N, L, cin), K (k, cin, cout) -> (N, Lout, cout)."""
    N, L, _ = x.shape
    k = K.shape[0]
    lout = out_len(L, k, stride, padding, dilation)
    xp = np.pad(x, ((0, 0), (padding, padding), (0, 0)))
    out = np.zeros((N, lout, K.shape[2]), dtype=x.dtype) + b
    for j in range(k):
        start = j * dilation
        out += xp[:, start:start + stride * (lout - 1) + 1:stride, :] @ K[j]
    return out, (xp, stride, padding, dilation)


def conv_bwd(dout, K, cache, need_dx=True):
    xp, stride, padding, dilation = cache
    lout = dout.shape[1]
    dK = np.zeros_like(K)
    dxp = np.zeros_like(xp)
    for j in range(K.shape[0]):
        start = j * dilation
        sl = slice(start, start + stride * (lout - 1) + 1, stride)
        dK[j] = np.einsum("nlc,nlo->co", xp[:, j:j + stride * (lout - 1) + 1:stride, :], dout)
        if need_dx:
            dxp[:, sl, :] += dout @ K[j].T
    db = dout.sum(axis=(0, 1))
    dx = dxp[:, padding:xp.shape[1] - padding, :] if need_dx else None
    return dK, db, dx


class DilatedTSNet:
    def __init__(self, c_in=4, c1=6, c2=8, classes=4, lr=0.1, momentum=0.9,
                 weight_decay=1e-2, milestones=(8, 14), gamma=0.2, slope=0.05, seed=1):
        rng = np.random.default_rng(seed)
        self.K1 = rng.standard_normal((3, c_in, c1)) * np.sqrt(2.0 / (3 * c_in))
        self.c1 = rng.uniform(-0.3, 0.3, c1)
        self.K2 = rng.standard_normal((4, c1, c2)) * np.sqrt(2.0 / (4 * c1))
        self.c2 = rng.uniform(-0.3, 0.3, c2)
        self.W = rng.standard_normal((classes, c2)) / np.sqrt(c2)
        self.b = rng.uniform(-0.3, 0.3, classes)
        self.names = ["K1", "c1", "K2", "c2", "W", "b"]
        self.decayed = {"K1", "K2", "W"}
        self.grads = {}
        self.velocity = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.lr0, self.momentum, self.wd = lr, momentum, weight_decay
        self.milestones, self.gamma = milestones, gamma
        self.slope = slope
        self.steps = 0

    def forward(self, X):
        z1, cache1 = conv_fwd(X, self.K1, self.c1, padding=2, dilation=2)
        a1 = np.where(z1 > 0, z1, self.slope * z1)
        N, L, C = a1.shape
        win = a1.reshape(N, L // 2, 2, C)
        arg = win.argmax(axis=2)                                   # (N, L/2, C)
        h = np.take_along_axis(win, arg[:, :, None, :], axis=2)[:, :, 0, :]
        z2, cache2 = conv_fwd(h, self.K2, self.c2, stride=2, padding=1)
        a2 = np.maximum(z2, 0)
        g = a2.mean(axis=1)                                        # (N, c2)
        logits = g @ self.W.T + self.b
        self._cache = (z1, cache1, arg, z2, cache2, g)
        return logits

    def loss(self, X, y):
        logits = self.forward(X)
        m = logits.max(axis=1, keepdims=True)
        lse = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
        return (lse - logits[np.arange(len(y)), y]).mean()

    def train_step(self, X, y):
        N = len(y)
        logits = self.forward(X)
        z1, cache1, arg, z2, cache2, g = self._cache
        m = logits.max(axis=1, keepdims=True)
        e = np.exp(logits - m)
        p = e / e.sum(axis=1, keepdims=True)
        loss = float(-np.log(p[np.arange(N), y]).mean())

        d = p.copy()
        d[np.arange(N), y] -= 1
        d /= N
        self.grads["W"] = d.T @ g
        self.grads["b"] = d.sum(axis=0)
        dg = d @ self.W                                            # (N, c2)
        da2 = np.repeat(dg[:, None, :], z2.shape[1], axis=1) / z2.shape[1]
        dz2 = da2 * (z2 > 0)
        self.grads["K2"], self.grads["c2"], dh = conv_bwd(dz2, self.K2, cache2)
        N_, Lh, C = dh.shape
        dwin = np.zeros((N_, Lh, 2, C), dtype=dh.dtype)
        np.put_along_axis(dwin, arg[:, :, None, :], dh[:, :, None, :], axis=2)
        da1 = dwin.reshape(z1.shape)
        dz1 = np.where(z1 > 0, da1, self.slope * da1)
        self.grads["K1"], self.grads["c1"], _ = conv_bwd(dz1, self.K1, cache1, need_dx=False)

        lr = self.lr0 * self.gamma ** sum(self.steps >= m for m in self.milestones)
        for n in self.names:
            w = getattr(self, n)
            gr = self.grads[n]
            if n in self.decayed:
                gr = gr + self.wd * w
            self.velocity[n] = self.momentum * self.velocity[n] + gr
            w -= lr * self.velocity[n]
        self.steps += 1
        return loss
