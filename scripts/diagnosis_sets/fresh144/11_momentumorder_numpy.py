"""A 1-D upsampling decoder from scratch in NumPy: two stride-2 transposed convolutions.

    code (N, 4, 4) -> tconv1 (4 -> 3 channels, kernel 4, stride 2, padding 1): length 8
                   -> tanh
                   -> tconv2 (3 -> 1 channel, kernel 3, stride 2, padding 1, output_padding 1): length 16
                   -> per-sample MSE, mean over every output element

A transposed convolution is written as what it is: every input position scatters
(adds) a copy of the kernel, scaled by its value, into the output at stride
steps; then `padding` entries are cropped from each end (and `output_padding`
extra entries kept at the right). Its output length is
(L - 1) * stride - 2 * padding + k + output_padding.
Its backward is an ordinary strided convolution (correlation) of the output
gradient with the same kernel: both the input gradient and the kernel gradient
read the same windows of the (uncropped) output gradient.

Parameters (self.params), kernels in (cin, cout, k), the layout of nn.ConvTranspose1d:
    W1 (4, 3, 4), b1 (3,), W2 (3, 1, 3), b2 (1,)
SGD with momentum 0.9 (v = mu v + g; p -= lr v), lr 0.05.
"""

import numpy as np


def tconv1d(x, W, b, stride, padding, output_padding=0):
    """x (N, cin, L), W (cin, cout, k) -> (N, cout, Lout), plus the uncropped length."""
    N, cin, L = x.shape
    cout, k = W.shape[1], W.shape[2]
    full_len = (L - 1) * stride + k + output_padding
    full = np.zeros((N, cout, full_len), dtype=x.dtype)
    for i in range(L):
        # input position i scatters the kernel into full[i*stride : i*stride + k]
        full[:, :, i * stride:i * stride + k] += np.einsum("nc,cok->nok", x[:, :, i], W)
    Lout = (L - 1) * stride - 2 * padding + k + output_padding
    out = full[:, :, padding:padding + Lout] + b[None, :, None]
    return out


def tconv1d_backward(dout, x, W, stride, padding, output_padding=0):
    """Gradients of tconv1d: an ordinary strided correlation of the padded dout with W."""
    N, cin, L = x.shape
    cout, k = W.shape[1], W.shape[2]
    full_len = (L - 1) * stride + k + output_padding
    Lout = dout.shape[2]
    dfull = np.zeros((N, cout, full_len), dtype=dout.dtype)
    dfull[:, :, padding:padding + Lout] = dout
    idx = np.arange(L)[:, None] * stride + np.arange(k)[None, :]     # (L, k)
    win = dfull[:, :, idx]                                           # (N, cout, L, k)
    dW = np.einsum("nci,noik->cok", x, win)
    dx = np.einsum("cok,noik->nci", W, win)
    db = dout.sum(axis=(0, 2))
    return dx, dW, db


class Decoder1D:
    def __init__(self, seed=0, lr=0.05, momentum=0.9):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": (rng.standard_normal((4, 3, 4)) * 0.3).astype(np.float32),
            "b1": np.zeros(3, dtype=np.float32),
            "W2": (rng.standard_normal((3, 1, 3)) * 0.3).astype(np.float32),
            "b2": np.zeros(1, dtype=np.float32),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum

    def forward(self, X):
        p = self.params
        z1 = tconv1d(X, p["W1"], p["b1"], stride=2, padding=1)
        h1 = np.tanh(z1)
        out = tconv1d(h1, p["W2"], p["b2"], stride=2, padding=1, output_padding=1)
        self.cache = (X, h1)
        return out

    def loss(self, X, y):
        out = self.forward(X)
        return np.mean((out - y) ** 2)

    def backward(self, X, y):
        p = self.params
        out = self.forward(X)
        X, h1 = self.cache
        loss = np.mean((out - y) ** 2)
        dout = 2.0 * (out - y) / out.size
        dh1, dW2, db2 = tconv1d_backward(dout, h1, p["W2"], stride=2, padding=1, output_padding=1)
        dz1 = dh1 * (1.0 - h1 ** 2)
        _, dW1, db1 = tconv1d_backward(dz1, X, p["W1"], stride=2, padding=1)
        self.grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        self.out = out
        return loss

    def update(self):
        for k, p in self.params.items():
            p -= self.lr * self.velocity[k]  # fix: p -= self.lr * self.velocity[k]  (move it after the velocity update below)
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "decoder1d.npz"))
    net = Decoder1D()
    for s in range(200):
        l = net.train_step(d["X"], d["y"])
        if s % 40 == 0:
            print(s, l)
