"""Neural style transfer (Gatys et al.) in NumPy, the image itself trained.

One image per content photo, started from the photo plus a little noise, is optimised so that
its deep features match the photo's (content) and the Gram matrices of its features match
those of its style image (style), with a squared total-variation penalty keeping it smooth.
The feature extractor is fixed (its weights read from photos.npz, never trained):

    conv3x3(K1, c1, pad 1) -> ReLU -> f1 (4, 8, 8) -> 2x2 average pool
    -> conv3x3(K2, c2, pad 1) -> ReLU -> f2 (6, 4, 4)

    content  CONTENT_W * mean((f2(img) - f2(photo))^2)
    style    sum_l STYLE_W[l] * mean((G_l(img) - G_l(style[y]))^2),  G = F F^T / (H W), F (C, H W)
    tv       TV_W * (sum of squared vertical and horizontal neighbour differences) / n

Gradients by hand (conv backward by scattering the patch gradients, Gram backward), Adam with
torch's defaults (eps outside the square root, bias-corrected).

    X: float (n, 3, 8, 8) the content photos, y: int (n,) the style of each
"""

from pathlib import Path

import numpy as np

_DATA = np.load(Path(__file__).with_name("photos.npz"))
K1, C1, K2, C2 = _DATA["K1"], _DATA["c1"], _DATA["K2"], _DATA["c2"]
STYLES = _DATA["styles"]
N_IMAGES = len(_DATA["X"])

CONTENT_W, STYLE_W, TV_W = 5.0, (0.5, 1.0), 0.02
LR, BETA1, BETA2, EPS = 0.02, 0.9, 0.999, 1e-8


def conv3x3(x, w, b):
    """Cross-correlation with a 3x3 kernel w (out, in, 3, 3), padding 1, stride 1."""
    n, c, h, wd = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    cols = np.stack([xp[:, :, i:i + h, j:j + wd] for i in range(3) for j in range(3)], axis=2)
    return np.einsum("nckhw,ock->nohw", cols, w.reshape(w.shape[0], c, 9)) + b[None, :, None, None]


def conv3x3_backward_input(dout, w):
    """Gradient of conv3x3 with respect to its input."""
    n, o, h, wd = dout.shape
    c = w.shape[1]
    dcols = np.einsum("nohw,ock->nckhw", dout, w.reshape(o, c, 9))
    dxp = np.zeros((n, c, h + 2, wd + 2), dtype=dout.dtype)
    for k in range(9):
        i, j = divmod(k, 3)
        dxp[:, :, i:i + h, j:j + wd] += dcols[:, :, k]
    return dxp[:, :, 1:-1, 1:-1]


def avg_pool2(x):
    n, c, h, w = x.shape
    return x.reshape(n, c, h // 2, 2, w // 2, 2).mean(axis=(3, 5))


def avg_pool2_backward(d):
    return np.repeat(np.repeat(d, 2, axis=2), 2, axis=3) / 4.0


def gram(f):
    n, c, h, w = f.shape
    F = f.reshape(n, c, h * w)
    return F @ F.transpose(0, 2, 1) / (h * w)


class StyleTransfer:
    def __init__(self, seed=72):
        rng = np.random.default_rng(seed)
        img = _DATA["X"] + 0.1 * rng.standard_normal(_DATA["X"].shape)
        self.params = {"img": img}
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def extract(self, x):
        dt = x.dtype
        z1 = conv3x3(x, K1.astype(dt), C1.astype(dt))
        f1 = np.maximum(z1, 0.0)
        z2 = conv3x3(avg_pool2(f1), K2.astype(dt), C2.astype(dt))
        f2 = np.maximum(z2, 0.0)
        return [f1, f2], (z1, z2)

    def extract_backward(self, dfs, cache):
        z1, z2 = cache
        dt = z1.dtype
        dz2 = dfs[1] * (z2 > 0)
        df1 = dfs[0] + avg_pool2_backward(conv3x3_backward_input(dz2, K2.astype(dt)))
        dz1 = df1 * (z1 > 0)
        return conv3x3_backward_input(dz1, K1.astype(dt))

    def train_step(self, X, y):
        img = self.params["img"]
        dt = img.dtype
        n = len(img)
        targets, _ = self.extract(X.astype(dt))
        style_feats, _ = self.extract(STYLES.astype(dt))
        feats, cache = self.extract(img)

        # content
        diff = feats[1] - targets[1]
        loss = CONTENT_W * np.mean(diff ** 2)
        dfs = [np.zeros_like(feats[0]), 2.0 * CONTENT_W * diff / diff.size]

        # style: Gram matrices against the Gram of each image's own style
        for l, f in enumerate(feats):
            _, c, h, w = f.shape
            G = gram(f)
            dG = G - gram(style_feats[l])[y]
            loss += STYLE_W[l] * np.mean(dG ** 2)
            dG = 2.0 * STYLE_W[l] * dG / dG.size
            F = f.reshape(n, c, h * w)
            dF = (dG + dG.transpose(0, 2, 1)) @ F / (h * w)
            dfs[l] += dF.reshape(f.shape)

        g = self.extract_backward(dfs, cache)

        # total variation
        dh = img[:, :, 1:, :] - img[:, :, :-1, :]
        dw = img[:, :, :, 1:] - img[:, :, :, :-1]
        loss += TV_W * (np.sum(dh ** 2) + np.sum(dw ** 2)) / n
        g[:, :, 1:, :] += 2.0 * TV_W * dh / n
        g[:, :, 1:, :] -= 2.0 * TV_W * dh / n  # fix: g[:, :, :-1, :] -= 2.0 * TV_W * dh / n
        g[:, :, :, 1:] += 2.0 * TV_W * dw / n
        g[:, :, :, :-1] -= 2.0 * TV_W * dw / n
        self.grads = {"img": g}

        # Adam
        self.t += 1
        for k, p in self.params.items():
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * self.grads[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * self.grads[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
