"""The decoder of decoder1d_numpy.py, the transposed convolutions written the other way.

A stride-s transposed convolution with padding p and output_padding op equals an
ordinary (stride 1) correlation of the input dilated by s (s - 1 zeros between
samples), padded with k - 1 - p zeros on the left and k - 1 - p + op on the right,
with the kernel flipped and its channel axes swapped. Forward and backward are
both written on that dilated, padded input.

Parameters in a list of layers, each a dict with a kernel "w" (cin, cout, k) and a bias "b".
SGD with momentum 0.9 kept in place (v *= mu; v += g; p -= lr v), lr 0.05.
"""

import numpy as np


def dilate_pad(x, stride, left, right):
    N, C, L = x.shape
    xd = np.zeros((N, C, (L - 1) * stride + 1 + left + right), dtype=x.dtype)
    xd[:, :, left:left + (L - 1) * stride + 1:stride] = x
    return xd


class TConv1d:
    def __init__(self, w, b, stride, padding, output_padding=0):
        self.w, self.b = w, b
        self.stride, self.padding, self.output_padding = stride, padding, output_padding

    def forward(self, x):
        k = self.w.shape[2]
        left = k - 1 - self.padding
        right = k - 1 - self.padding + self.output_padding
        xd = dilate_pad(x, self.stride, left, right)
        Lout = xd.shape[2] - k + 1
        wf = self.w[:, :, ::-1]                                     # flipped kernel
        idx = np.arange(Lout)[:, None] + np.arange(k)[None, :]      # (Lout, k)
        cols = xd[:, :, idx]                                        # (N, cin, Lout, k)
        self.x_shape, self.cols = x.shape, cols
        return np.einsum("nctj,coj->not", cols, wf) + self.b[None, :, None]

    def backward(self, dout):
        k = self.w.shape[2]
        N, cin, L = self.x_shape
        cols = self.cols
        Lout = dout.shape[2]
        dwf = np.einsum("nctj,not->coj", cols, dout)
        self.dw = dwf[:, :, ::-1].copy()
        self.db = dout.sum(axis=(0, 2))
        dcols = np.einsum("coj,not->nctj", self.w[:, :, ::-1], dout)
        dxd = np.zeros((N, cin, Lout + k - 1), dtype=dout.dtype)
        for j in range(k):
            dxd[:, :, j:j + Lout] += dcols[:, :, :, j]
        left = k - 1 - self.padding
        return dxd[:, :, left:left + (L - 1) * self.stride + 1:self.stride]


class Decoder1D:
    def __init__(self, seed=0, lr=0.05, momentum=0.9):
        rng = np.random.default_rng(seed)
        W1 = (rng.standard_normal((4, 3, 4)) * 0.3).astype(np.float32)
        W2 = (rng.standard_normal((3, 1, 3)) * 0.3).astype(np.float32)
        self.layers = [
            {"w": W1, "b": np.zeros(3, dtype=np.float32)},
            {"w": W2, "b": np.zeros(1, dtype=np.float32)},
        ]
        self.lr, self.momentum = lr, momentum
        self.vel = [{"w": np.zeros_like(l["w"]), "b": np.zeros_like(l["b"])} for l in self.layers]

    def _convs(self):
        l1, l2 = self.layers
        return (TConv1d(l1["w"], l1["b"], stride=2, padding=1),
                TConv1d(l2["w"], l2["b"], stride=2, padding=1, output_padding=1))

    def predict(self, X):
        c1, c2 = self._convs()
        return c2.forward(np.tanh(c1.forward(X)))

    def loss(self, X, y):
        return np.mean((self.predict(X) - y) ** 2)

    def train_step(self, X, y):
        c1, c2 = self._convs()
        h = np.tanh(c1.forward(X))
        out = c2.forward(h)
        loss = np.mean((out - y) ** 2)
        dh = c2.backward(2.0 * (out - y) / out.size)
        c1.backward(dh * (1.0 - h * h))
        for layer, vel, conv in zip(self.layers, self.vel, (c1, c2)):
            for name, g in (("w", conv.dw), ("b", conv.db)):
                vel[name] *= self.momentum
                vel[name] += g
                layer[name] -= self.lr * vel[name]
        return float(loss)
