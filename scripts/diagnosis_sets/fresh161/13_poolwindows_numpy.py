"""A small 1-D convolutional classifier for multichannel time series, by hand in NumPy.

    X (N, 3, 24) float, channels first; y (N,) int in {0, 1, 2}

conv1  Conv1d 3->8, kernel 5, stride 2, zero padding 2         -> (N, 8, 12)
ReLU, max-pool 2 (stride 2, argmax routing in the backward)    -> (N, 8, 6)
conv2  Conv1d 8->12, kernel 3, stride 1, padding 2, dilation 2 -> (N, 12, 6)
leaky ReLU (slope 0.1), global average pool over time          -> (N, 12)
dense 12->3, softmax cross-entropy (mean over the batch).

The convolutions gather their patches with an index array (im2col by fancy indexing) and
scatter the input gradient back with np.add.at. Kernels are kept in torch's layout
(cout, cin, k); the dense weight is kept (in, out).

SGD with momentum 0.9 (v = mu v + g; p -= lr v), learning rate 0.05 halved every 5 steps
(a step schedule, lr = lr0 * 0.5 ** (t // 5) with t the steps already taken).
"""

import numpy as np


def patch_index(length, k, stride, dilation, padding):
    """Index (Lout, k) into the padded series: t * stride + j * dilation."""
    lout = (length + 2 * padding - dilation * (k - 1) - 1) // stride + 1
    return np.arange(lout)[:, None] * stride + np.arange(k)[None, :] * dilation, lout


def conv1d_forward(x, W, b, stride, padding, dilation):
    N, C, L = x.shape
    cout, cin, k = W.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding)))
    idx, lout = patch_index(L, k, stride, dilation, padding)
    cols = xp[:, :, idx]                                         # (N, C, Lout, k)
    cols = cols.transpose(0, 2, 1, 3).reshape(N * lout, C * k)   # rows (n, t), columns (c, j)
    out = cols @ W.reshape(cout, C * k).T + b
    return out.reshape(N, lout, cout).transpose(0, 2, 1), (cols, idx, xp.shape, padding)


def conv1d_backward(dout, W, cache, need_dx=True):
    cols, idx, xp_shape, padding = cache
    N, cout, lout = dout.shape
    cin, k = W.shape[1], W.shape[2]
    d = dout.transpose(0, 2, 1).reshape(N * lout, cout)
    dW = (d.T @ cols).reshape(W.shape)
    db = d.sum(axis=0)
    if not need_dx:
        return dW, db, None
    dcols = (d @ W.reshape(cout, cin * k)).reshape(N, lout, cin, k).transpose(0, 2, 1, 3)
    dxp = np.zeros(xp_shape, dtype=dout.dtype)
    np.add.at(dxp, (slice(None), slice(None), idx), dcols)
    return dW, db, dxp[:, :, padding:xp_shape[2] - padding]


class TSConvNet:
    def __init__(self, c_in=3, c1=8, c2=12, classes=3, lr=0.05, momentum=0.9,
                 step_size=5, gamma=0.5, slope=0.1, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((c1, c_in, 5)) * np.sqrt(2.0 / (c_in * 5)),
            "b1": rng.uniform(-0.2, 0.2, c1),
            "W2": rng.standard_normal((c2, c1, 3)) * np.sqrt(2.0 / (c1 * 3)),
            "b2": rng.uniform(-0.2, 0.2, c2),
            "W3": rng.standard_normal((c2, classes)) / np.sqrt(c2),
            "b3": np.zeros(classes),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr0, self.momentum = lr, momentum
        self.step_size, self.gamma = step_size, gamma
        self.slope = slope
        self.t = 0

    def forward(self, X):
        p = self.params
        z1, c1 = conv1d_forward(X, p["W1"], p["b1"], stride=2, padding=2, dilation=1)
        a1 = np.maximum(z1, 0)
        N, C, L = a1.shape
        windows = a1.reshape(N, C, 2, L // 2)
        arg = windows.argmax(axis=2)
        h1 = np.take_along_axis(windows, arg[:, :, None, :], axis=2)[:, :, 0, :]
        z2, c2 = conv1d_forward(h1, p["W2"], p["b2"], stride=1, padding=2, dilation=2)
        a2 = np.where(z2 > 0, z2, self.slope * z2)
        g = a2.mean(axis=2)
        logits = g @ p["W3"] + p["b3"]
        self.cache = (z1, c1, arg, z2, c2, g)
        return logits

    def loss(self, X, y):
        logits = self.forward(X)
        s = logits - logits.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def backward(self, X, y):
        p = self.params
        logits = self.forward(X)
        z1, c1, arg, z2, c2, g = self.cache
        N = len(y)
        s = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(s)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads["W3"] = g.T @ dlogits
        self.grads["b3"] = dlogits.sum(axis=0)
        dg = dlogits @ p["W3"].T                                    # (N, c2)
        da2 = np.broadcast_to(dg[:, :, None] / z2.shape[2], z2.shape)
        dz2 = np.where(z2 > 0, da2, self.slope * da2)
        self.grads["W2"], self.grads["b2"], dh1 = conv1d_backward(dz2, p["W2"], c2)
        N_, C_, Lh = dh1.shape
        dwin = np.zeros((N_, C_, 2, Lh), dtype=dh1.dtype)
        np.put_along_axis(dwin, arg[:, :, None, :], dh1[:, :, None, :], axis=2)
        da1 = dwin.reshape(z1.shape)
        dz1 = da1 * (z1 > 0)
        self.grads["W1"], self.grads["b1"], _ = conv1d_backward(dz1, p["W1"], c1, need_dx=False)
        return loss

    def update(self):
        lr = self.lr0 * self.gamma ** (self.t // self.step_size)
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= lr * self.velocity[k]
        self.t += 1

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
