"""Fast style transfer (Johnson et al.) in NumPy: a small convolutional generator, trained.

The generator stylises a photo with a residual of two 3x3 convolutions,
out = X + conv(W2, b2, relu(conv(W1, b1, X))), and is trained on batches of photos so that
its output keeps the photo's relu1 features (content), takes the Gram statistics of the
stripes style image at both layers of the fixed extractor (style), and stays smooth
(an L1, anisotropic total variation). The extractor is read from photos.npz, never trained:

    conv3x3(K1, c1, pad 1) -> ReLU -> f1 (4, 8, 8) -> 2x2 average pool
    -> conv3x3(K2, c2, pad 1) -> ReLU -> f2 (6, 4, 4)

    content  CONTENT_W * mean((f1(out) - f1(X))^2)
    style    sum_l STYLE_W[l] * mean((G_l(out) - G_l(stripes))^2),  G = F F^T / (C H W)
    tv       TV_W * (mean |vertical differences| + mean |horizontal differences|)

Weights kept in torch's (out, in, kh, kw) layout; SGD with momentum (v = mu v + g, p -= lr v).

    X: float (n, 3, 8, 8) photos; y is not used
"""

from pathlib import Path

import numpy as np

_DATA = np.load(Path(__file__).with_name("photos.npz"))
K1, C1, K2, C2 = _DATA["K1"], _DATA["c1"], _DATA["K2"], _DATA["c2"]
STYLE = _DATA["styles"][:1]

HIDDEN = 8
CONTENT_W, STYLE_W, TV_W = 1.0, (20.0, 40.0), 0.05
LR, MOMENTUM = 0.01, 0.9


def conv3x3(x, w, b):
    """Cross-correlation with a 3x3 kernel w (out, in, 3, 3), padding 1; returns the patches too."""
    n, c, h, wd = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    cols = np.stack([xp[:, :, i:i + h, j:j + wd] for i in range(3) for j in range(3)], axis=2)
    out = np.einsum("nckhw,ock->nohw", cols, w.reshape(w.shape[0], c, 9)) + b[None, :, None, None]
    return out, cols


def conv3x3_backward(dout, w, cols):
    """Gradients of conv3x3 with respect to the kernel, the bias and the input."""
    n, o, h, wd = dout.shape
    c = w.shape[1]
    dw = np.einsum("nohw,nckhw->ock", dout, cols).reshape(w.shape)
    db = dout.sum(axis=(0, 2, 3))
    dcols = np.einsum("nohw,ock->nckhw", dout, w.reshape(o, c, 9))
    dxp = np.zeros((n, c, h + 2, wd + 2), dtype=dout.dtype)
    for k in range(9):
        i, j = divmod(k, 3)
        dxp[:, :, i:i + h, j:j + wd] += dcols[:, :, k]
    return dw, db, dxp[:, :, 1:-1, 1:-1]


def gram(f):
    n, c, h, w = f.shape
    F = f.reshape(n, c, h * w)
    return F @ F.transpose(0, 2, 1) / (c * h * w)


class StyleNet:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / 27), (HIDDEN, 3, 3, 3)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 0.05, (3, HIDDEN, 3, 3)),
            "b2": np.zeros(3),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.style_grams = [gram(f) for f in self.extract(STYLE, keep=False)]

    def extract(self, x, keep=True):
        """The fixed extractor's relu1 and relu2 features; keeps what its backward needs."""
        dt = x.dtype
        z1, cols1 = conv3x3(x, K1.astype(dt), C1.astype(dt))
        f1 = np.maximum(z1, 0.0)
        z2, cols2 = conv3x3(f1.reshape(len(x), 4, 4, 2, 4, 2).mean(axis=(3, 5)), K2.astype(dt), C2.astype(dt))
        if keep:
            self._feat_cache = (z1, cols1, z2, cols2)
        return [f1, np.maximum(z2, 0.0)]

    def extract_backward(self, df1, df2):
        z1, cols1, z2, cols2 = self._feat_cache
        dt = z1.dtype
        _, _, dpool = conv3x3_backward(df2 * (z2 > 0), K2.astype(dt), cols2)
        df1 = df1 + np.repeat(np.repeat(dpool, 2, axis=2), 2, axis=3) / 4.0
        _, _, dx = conv3x3_backward(df1 * (z1 > 0), K1.astype(dt), cols1)
        return dx

    def train_step(self, X, y):
        p = self.params
        dt = p["W1"].dtype
        X = X.astype(dt)
        n = len(X)

        z, cols_in = conv3x3(X, p["W1"], p["b1"])
        h = np.maximum(z, 0.0)
        r, cols_h = conv3x3(h, p["W2"], p["b2"])
        out = X + r

        feats = self.extract(out)
        target = self.extract(X, keep=False)

        diff = feats[0] - target[0]
        loss = CONTENT_W * np.mean(diff ** 2)
        dfs = [2.0 * CONTENT_W * diff / diff.size, np.zeros_like(feats[1])]
        for l, (f, Gs) in enumerate(zip(feats, self.style_grams)):
            _, c, hh, ww = f.shape
            F = f.reshape(n, c, hh * ww)
            E = gram(f) - Gs.astype(dt)
            loss += STYLE_W[l] * np.mean(E ** 2)
            dG = 2.0 * STYLE_W[l] * E / E.size
            dfs[l] += ((dG + dG.transpose(0, 2, 1)) @ F / (c * hh * ww)).reshape(f.shape)
        dout = self.extract_backward(*dfs)

        dv = out[:, :, 1:, :] - out[:, :, :-1, :]
        dh = out[:, :, :, 1:] - out[:, :, :, :-1]
        loss += TV_W * (np.mean(np.abs(dv)) + np.mean(np.abs(dh)))
        sv, sh = TV_W * np.sign(dv) / dv.size, TV_W * np.sign(dh) / dh.size
        dout[:, :, 1:, :] += sv
        dout[:, :, :-1, :] -= sv
        dout[:, :, :, 1:] += sh
        dout[:, :, :, :-1] -= sh

        g = {}
        g["W2"], g["b2"], dh_ = conv3x3_backward(dout, p["W2"], cols_h)
        g["W1"], g["b1"], _ = conv3x3_backward(dh_ * (z > 0), p["W1"], cols_in)
        self.grads = g

        for k in p:
            vel = self.velocity[k]
            vel[...] = MOMENTUM * vel + g[k]
            p[k] -= LR * vel
        return float(loss)
