"""Glyph classifier, NumPy, channels first: im2col 3x3 convolution (4 filters, no padding) ->
ReLU -> 3x3 average pooling with stride 2 and one pixel of padding, 'SAME' pooling as in
TensorFlow, where each window is averaged over the pixels it really covers (the padding is
not counted) -> flatten (c, h, w) -> dense softmax. Mean cross-entropy, plain SGD (lr 0.1).

    net.K (4, 1, 3, 3) (out, in, kh, kw)   net.bK (4,)   net.W (36, 3)   net.b (3,)
"""

import numpy as np


def im2col(X, k):
    n, c, H, W = X.shape
    oh, ow = H - k + 1, W - k + 1
    cols = np.stack([X[:, :, i:i + k, j:j + k].reshape(n, -1) for i in range(oh) for j in range(ow)], axis=1)
    return cols, oh, ow                                    # (n, oh * ow, c * k * k)


def avg_pool_same(a, k=3, stride=2, pad=1):
    n, c, H, W = a.shape
    ap = np.pad(a, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    real = np.pad(np.ones((H, W), dtype=a.dtype), pad)
    oh, ow = (H + 2 * pad - k) // stride + 1, (W + 2 * pad - k) // stride + 1
    out = np.empty((n, c, oh, ow), dtype=a.dtype)
    counts = np.empty((oh, ow), dtype=a.dtype)
    for i in range(oh):
        for j in range(ow):
            rows, cols = slice(i * stride, i * stride + k), slice(j * stride, j * stride + k)
            counts[i, j] = real[rows, cols].sum()
            out[:, :, i, j] = ap[:, :, rows, cols].sum(axis=(2, 3)) / counts[i, j]
    return out, counts


def avg_pool_same_backward(d_out, counts, shape, k=3, stride=2, pad=1):
    n, c, H, W = shape
    d_ap = np.zeros((n, c, H + 2 * pad, W + 2 * pad), dtype=d_out.dtype)
    for i in range(d_out.shape[2]):
        for j in range(d_out.shape[3]):
            d_ap[:, :, i * stride:i * stride + k, j * stride:j * stride + k] += \
                d_out[:, :, i, j][:, :, None, None] / counts[i, j]
    return d_ap[:, :, pad:pad + H, pad:pad + W]


class GlyphPoolNet:
    def __init__(self, lr=0.1, seed=3):
        rng = np.random.default_rng(seed)
        self.K = rng.normal(0.0, np.sqrt(2.0 / 9), (4, 1, 3, 3))
        self.bK = np.full(4, 0.1)
        self.W = rng.normal(0.0, np.sqrt(1.0 / 36), (36, 3))
        self.b = np.zeros(3)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        cols, oh, ow = im2col(X, 3)
        z = (cols @ self.K.reshape(4, -1).T + self.bK).transpose(0, 2, 1).reshape(n, 4, oh, ow)
        a = np.maximum(z, 0.0)
        pooled, counts = avg_pool_same(a)
        flat = pooled.reshape(n, -1)
        logits = flat @ self.W + self.b
        logits = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(n), y]))

        d = probs
        d[np.arange(n), y] -= 1.0
        d /= n
        dW, db = flat.T @ d, d.sum(axis=0)
        d_pooled = (d @ self.W.T).reshape(pooled.shape)
        d_z = avg_pool_same_backward(d_pooled, counts, a.shape) * (z > 0)
        d_zc = d_z.reshape(n, 4, -1).transpose(0, 2, 1)                   # (n, oh * ow, 4)
        dK = np.einsum("npk,npo->ok", cols, d_zc).reshape(self.K.shape)
        dbK = d_zc.sum(axis=(0, 1))

        self.K -= self.lr * dK
        self.bK -= self.lr * dbK
        self.W -= self.lr * dW
        self.b -= self.lr * db
        return float(loss)
