"""Neural style transfer in NumPy, written another way: the convolutions with
np.lib.stride_tricks.sliding_window_view, the input gradient of a convolution as a full
correlation of the padded output gradient with the flipped, channel-swapped kernel, Gram matrices
with np.einsum, the squared total variation's gradient from np.diff of the edge-padded
differences, and Adam in its own method. The same model and loss as style_numpy.py.

    X: float (n, 3, 8, 8) the content photos, y: int (n,) the style of each
"""

from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

_DATA = np.load(Path(__file__).with_name("photos.npz"))
WEIGHTS = {k: _DATA[k] for k in ("K1", "c1", "K2", "c2")}
STYLES = _DATA["styles"]

CONTENT_W, STYLE_W, TV_W = 5.0, (0.5, 1.0), 0.02
ADAM = dict(lr=0.02, betas=(0.9, 0.999), eps=1e-8)


def correlate(x, w, pad):
    """Cross-correlation of x (n, c, h, w) with w (o, c, kh, kw), zero padding pad."""
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    win = sliding_window_view(xp, w.shape[2:], axis=(2, 3))     # (n, c, oh, ow, kh, kw)
    return np.einsum("ncijab,ocab->noij", win, w)


def correlate_input_grad(dout, w):
    """d/dx of correlate(x, w, pad=1): a full correlation with the flipped kernel, w^T."""
    return correlate(dout, w[:, :, ::-1, ::-1].transpose(1, 0, 2, 3), pad=1)


def gram(f):
    n, c, h, w = f.shape
    return np.einsum("ncij,ndij->ncd", f, f) / (h * w)


class StyleImages:
    def __init__(self, seed=72):
        rng = np.random.default_rng(seed)
        self.params = {"image": _DATA["X"] + 0.1 * rng.standard_normal(_DATA["X"].shape)}
        self.m = {"image": np.zeros_like(self.params["image"])}
        self.v = {"image": np.zeros_like(self.params["image"])}
        self.step_count = 0

    def features(self, x):
        w = {k: a.astype(x.dtype) for k, a in WEIGHTS.items()}
        pre1 = correlate(x, w["K1"], 1) + w["c1"][:, None, None]
        relu1 = np.where(pre1 > 0, pre1, 0.0)
        n, c, h, wd = relu1.shape
        pooled = relu1.reshape(n, c, h // 2, 2, wd // 2, 2).mean(axis=(3, 5))
        pre2 = correlate(pooled, w["K2"], 1) + w["c2"][:, None, None]
        return (relu1, np.where(pre2 > 0, pre2, 0.0)), (w, pre1, pre2)

    def backward_features(self, grads, saved):
        w, pre1, pre2 = saved
        dpool = correlate_input_grad(grads[1] * (pre2 > 0), w["K2"])
        drelu1 = grads[0] + 0.25 * dpool.repeat(2, axis=2).repeat(2, axis=3)
        return correlate_input_grad(drelu1 * (pre1 > 0), w["K1"])

    def loss_and_grad(self, X, y):
        x = self.params["image"]
        n = x.shape[0]
        content = self.features(X.astype(x.dtype))[0][1]
        style = [gram(f)[y] for f in self.features(STYLES.astype(x.dtype))[0]]
        feats, saved = self.features(x)

        loss = CONTENT_W * ((feats[1] - content) ** 2).mean()
        grads = [np.zeros_like(feats[0]), 2 * CONTENT_W * (feats[1] - content) / content.size]
        for l in (0, 1):
            f = feats[l]
            hw = f.shape[2] * f.shape[3]
            R = gram(f) - style[l]
            loss += STYLE_W[l] * (R ** 2).mean()
            # G = F F^T / hw and R symmetric: dL/dF = 2 * (2 w R / R.size) F / hw
            grads[l] = grads[l] + np.einsum("ncd,ndij->ncij", 4 * STYLE_W[l] * R / R.size, f) / hw
        g = self.backward_features(grads, saved)

        for axis in (2, 3):
            d = np.diff(x, axis=axis)
            loss += TV_W * (d ** 2).sum() / n
            # each difference pulls its two pixels apart: the gradient is -diff of the zero-padded d
            pad = [(0, 0)] * 4
            pad[axis] = (1, 1)
            g += -2 * TV_W / n * np.diff(np.pad(d, pad), axis=axis)
        return loss, g

    def adam(self, grads):
        lr, (b1, b2), eps = ADAM["lr"], ADAM["betas"], ADAM["eps"]
        self.step_count += 1
        for k, g in grads.items():
            self.m[k] *= b1
            self.m[k] += (1 - b1) * g
            self.v[k] *= b2
            self.v[k] += (1 - b2) * g * g
            denom = np.sqrt(self.v[k] / (1 - b2 ** self.step_count)) + eps
            self.params[k] -= lr / (1 - b1 ** self.step_count) * self.m[k] / denom

    def train_step(self, X, y):
        loss, g = self.loss_and_grad(X, y)
        self.grads = {"image": g}
        self.adam(self.grads)
        return float(loss)
