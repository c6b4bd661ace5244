"""Photo restoration with a perceptual loss, in NumPy: a small residual convolutional generator.

The generator cleans a blurred, noisy photo, out = X + conv(G2, g2, relu(conv(G1, g1, X))), and is
trained against the clean photo y with a pixel loss, a perceptual (feature) loss on the fixed
extractor's relu2 features, a texture loss on the Gram matrix of its relu1 features, and a
squared total variation. The extractor is read from pairs.npz, never trained:

    conv3x3(K1, c1, pad 1) -> ReLU -> f1 (4, 8, 8) -> 2x2 average pool
    -> conv3x3(K2, c2, pad 1) -> ReLU -> f2 (6, 4, 4)

    pixel     PIX_W * mean((out - y)^2)
    feature   FEAT_W * mean((f2(out) - f2(y))^2)
    texture   TEX_W * mean((G(f1(out)) - G(f1(y)))^2),   G = F F^T / (C H W)
    tv        TV_W * (mean(vertical differences^2) + mean(horizontal differences^2))

Convolutions by im2col: kernels kept (kh, kw, cin, cout), patches (N*H*W, kh*kw*cin) in
(di, dj, c) order. Plain SGD.

    X: float (n, 3, 8, 8) degraded photos, y: float (n, 3, 8, 8) clean photos
"""

from pathlib import Path

import numpy as np

_DATA = np.load(Path(__file__).with_name("pairs.npz"))
# the extractor's kernels, from torch's (out, in, kh, kw) to (kh, kw, in, out)
E1, E2 = _DATA["K1"].transpose(2, 3, 1, 0), _DATA["K2"].transpose(2, 3, 1, 0)
e1, e2 = _DATA["c1"], _DATA["c2"]

HIDDEN = 8
PIX_W, FEAT_W, TEX_W, TV_W = 1.0, 0.5, 20.0, 0.2
LR = 0.03


def im2col(x):
    """(N, C, H, W) -> (N*H*W, 9*C), padding 1, columns ordered (di, dj, c)."""
    n, c, h, w = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    cols = np.empty((n, h, w, 3, 3, c), dtype=x.dtype)
    for di in range(3):
        for dj in range(3):
            cols[:, :, :, di, dj, :] = xp[:, :, di:di + h, dj:dj + w].transpose(0, 2, 3, 1)
    return cols.reshape(n * h * w, 9 * c)


def col2im(dcols, shape):
    """The adjoint of im2col: scatter-add the patch gradients back onto the (unpadded) input."""
    n, c, h, w = shape
    dcols = dcols.reshape(n, h, w, 3, 3, c)
    dxp = np.zeros((n, c, h + 2, w + 2), dtype=dcols.dtype)
    for di in range(3):
        for dj in range(3):
            dxp[:, :, di:di + h, dj:dj + w] += dcols[:, :, :, di, dj, :].transpose(0, 3, 1, 2)
    return dxp[:, :, 1:-1, 1:-1]


def conv(x, K, b):
    n, _, h, w = x.shape
    cols = im2col(x)
    out = (cols @ K.reshape(-1, K.shape[3]) + b).reshape(n, h, w, -1).transpose(0, 3, 1, 2)
    return out, cols


def conv_backward(dout, K, cols, shape):
    d = dout.transpose(0, 2, 3, 1).reshape(-1, K.shape[3])
    dK = (cols.T @ d).reshape(K.shape)
    return dK, d.sum(axis=0), col2im(d @ K.reshape(-1, K.shape[3]).T, shape)


def gram(f):
    n, c, h, w = f.shape
    F = f.reshape(n, c, h * w)
    return np.einsum("nci,ndi->ncd", F, F) / (c * h * w)


def extract(x):
    dt = x.dtype
    z1, cols1 = conv(x, E1.astype(dt), e1.astype(dt))
    f1 = np.maximum(z1, 0.0)
    n, c, h, w = f1.shape
    pooled = f1.reshape(n, c, h // 2, 2, w // 2, 2).mean(axis=(3, 5))
    z2, cols2 = conv(pooled, E2.astype(dt), e2.astype(dt))
    return f1, np.maximum(z2, 0.0), (z1, cols1, pooled.shape, z2, cols2)


def extract_backward(df1, df2, cache, x_shape):
    z1, cols1, pooled_shape, z2, cols2 = cache
    dt = z1.dtype
    _, _, dpooled = conv_backward(df2 * (z2 > 0), E2.astype(dt), cols2, pooled_shape)
    df1 = df1 + np.repeat(np.repeat(dpooled, 2, axis=2), 2, axis=3) / 4.0
    _, _, dx = conv_backward(df1 * (z1 > 0), E1.astype(dt), cols1, x_shape)
    return dx


class PerceptualNet:
    def __init__(self, seed=11):
        rng = np.random.default_rng(seed)
        self.params = {
            "G1": rng.normal(0.0, np.sqrt(2.0 / 27), (3, 3, 3, HIDDEN)),
            "g1": np.zeros(HIDDEN),
            "G2": rng.normal(0.0, 0.02, (3, 3, HIDDEN, 3)),
            "g2": np.zeros(3),
        }

    def train_step(self, X, y):
        p = self.params
        dt = p["G1"].dtype
        X, y = X.astype(dt), y.astype(dt)

        z, cols_x = conv(X, p["G1"], p["g1"])
        h = np.maximum(z, 0.0)
        r, cols_h = conv(h, p["G2"], p["g2"])
        out = X + r

        f1, f2, cache = extract(out)
        t1, t2, _ = extract(y)

        e = out - y
        loss = PIX_W * np.mean(e ** 2)
        dout = 2.0 * PIX_W * e / e.size

        d2 = f2 - t2
        loss += FEAT_W * np.mean(d2 ** 2)
        df2 = 2.0 * FEAT_W * d2 / d2.size

        n, c, hh, ww = f1.shape
        E = gram(f1) - gram(t1)
        loss += TEX_W * np.mean(E ** 2)
        dG = 2.0 * TEX_W * E / E.size
        F = f1.reshape(n, c, hh * ww)
        df1 = ((dG + dG.transpose(0, 2, 1)) @ F / (c * hh * ww)).reshape(f1.shape)

        dout += extract_backward(df1, df2, cache, out.shape)

        dv = out[:, :, 1:, :] - out[:, :, :-1, :]
        dh = out[:, :, :, 1:] - out[:, :, :, :-1]
        loss += TV_W * (np.mean(dv ** 2) + np.mean(dh ** 2))
        dout[:, :, 1:, :] += 2.0 * TV_W * dv / dv.size
        dout[:, :, :-1, :] -= 2.0 * TV_W * dv / dv.size
        dout[:, :, :, 1:] += 2.0 * TV_W * dh / dh.size
        dout[:, :, :, :-1] -= 2.0 * TV_W * dh / dh.size

        g = {}
        g["G2"], g["g2"], dh_ = conv_backward(dout, p["G2"], cols_h, h.shape)
        g["G1"], g["g1"], _ = conv_backward(dh_ * (h >= 0), p["G1"], cols_x, X.shape)  # fix: g["G1"], g["g1"], _ = conv_backward(dh_ * (z > 0), p["G1"], cols_x, X.shape)
        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
