"""A tiny fully-convolutional segmenter trained with focal + Dice loss, from scratch in NumPy.

    conv 3x3 (1 -> 4 filters, padding 1, stride 1, bias) via im2col -> ReLU
    -> conv 1x1 (4 -> 1, bias) -> a logit per pixel, (N, 1, 8, 8)

    loss = focal(logits, mask) + dice(sigmoid(logits), mask)

focal is the sigmoid focal loss of RetinaNet (alpha 0.25, gamma 2), averaged
over every pixel: alpha_t * (1 - p_t)**gamma * BCE(logit, t), with
p_t = p t + (1 - p)(1 - t) and alpha_t = alpha t + (1 - alpha)(1 - t).
dice is the soft Dice loss per image, 1 - (2 sum(p t) + 1) / (sum p + sum t + 1),
averaged over the images. SGD with momentum 0.9 (torch's form: v = mu v + g,
p -= lr v).

    X: float (N, 1, 8, 8); y: float (N, 1, 8, 8) mask in {0, 1}.

Parameters (self.params):
    K   (3, 3, 1, 4)  conv kernel (kh, kw, cin, cout), the layout im2col wants
    bK  (4,)          conv bias
    W   (4, 1)        1x1 conv weight (cin, cout)
    b   (1,)          1x1 conv bias
Optimizer state: self.velocity (dict keyed like self.params).
"""

import os

import numpy as np


def im2col(X, kh, kw, pad):
    """(N, C, H, W) -> (N*H*W, kh*kw*C) for a 'same' convolution, columns ordered (di, dj, c)."""
    N, C, H, W = X.shape
    Xp = np.pad(X, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    oh, ow = H + 2 * pad - kh + 1, W + 2 * pad - kw + 1
    cols = np.empty((N, oh, ow, kh, kw, C), dtype=X.dtype)
    for di in range(kh):
        for dj in range(kw):
            cols[:, :, :, di, dj, :] = Xp[:, :, di:di + oh, dj:dj + ow].transpose(0, 2, 3, 1)
    return cols.reshape(N * oh * ow, kh * kw * C)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class SegNet:
    def __init__(self, filters=4, lr=0.5, momentum=0.9, alpha=0.25, gamma=2.0, seed=0,
                 dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.dtype = dtype
        self.params = {
            "K": rng.standard_normal((3, 3, 1, filters)) * np.sqrt(2.0 / 9),
            "bK": 0.1 * rng.standard_normal(filters),
            "W": rng.standard_normal((filters, 1)) / np.sqrt(filters),
            "b": np.zeros(1),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.alpha, self.gamma = alpha, gamma
        self.lr, self.momentum = lr, momentum
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}

    # ------------------------------------------------------------------ forward
    def forward(self, X):
        p = self.params
        N, C, H, W = X.shape
        cout = p["K"].shape[3]
        cols = im2col(X, 3, 3, 1)                              # (N*H*W, 9*C)
        conv = cols @ p["K"].reshape(-1, cout) + p["bK"]        # (N*H*W, cout)
        a = np.maximum(conv, 0)
        logits = a @ p["W"] + p["b"]                            # (N*H*W, 1)
        logits = logits.reshape(N, H, W, 1).transpose(0, 3, 1, 2)
        return logits, (cols, conv, a)

    def _losses(self, logits, t):
        al, g = self.alpha, self.gamma
        p = sigmoid(logits)
        ce = np.maximum(logits, 0) - logits * t + np.log1p(np.exp(-np.abs(logits)))
        p_t = p * t + (1 - p) * (1 - t)
        alpha_t = al * t + (1 - al) * (1 - t)
        focal = (alpha_t * (1 - p_t) ** g * ce).mean()

        inter = (p * t).sum(axis=(1, 2, 3))
        den = p.sum(axis=(1, 2, 3)) + t.sum(axis=(1, 2, 3)) + 1
        num = 2 * inter + 1
        dice = (1 - num / den).mean()
        return focal + dice, (p, ce, p_t, alpha_t, num, den)

    def loss(self, X, y):
        return self._losses(self.forward(X)[0], y)[0]

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        prm = self.params
        t = y
        logits, (cols, conv, a) = self.forward(X)
        loss, (p, ce, p_t, alpha_t, num, den) = self._losses(logits, t)
        N, _, H, W = logits.shape
        g = self.gamma

        # focal: d/dx [alpha_t (1 - p_t)^g ce], with d ce/dx = p - t, d p_t/dx = (2t - 1) p (1 - p)
        mod = (1 - p_t) ** g
        dfocal = alpha_t * (mod * (p - t) - g * (1 - p_t) ** (g - 1) * ce * (2 * t - 1) * p * (1 - p))
        dfocal /= logits.size

        # dice: d/dp [1 - num/den] = -(2 t / den - num / den^2), per image; mean over images
        num_ = num[:, None, None, None]
        den_ = den[:, None, None, None]
        ddice_dp = -(2 * t / den_) / N  # fix: ddice_dp = -(2 * t / den_ - num_ / (den_ * den_)) / N
        ddice = ddice_dp * p * (1 - p)

        dlogits = dfocal + ddice                                           # (N, 1, H, W)
        dl = dlogits.transpose(0, 2, 3, 1).reshape(-1, 1)                  # (N*H*W, 1)
        self.grads["W"] = a.T @ dl
        self.grads["b"] = dl.sum(axis=0)
        da = dl @ prm["W"].T
        dconv = da * (conv > 0)
        self.grads["K"] = (cols.T @ dconv).reshape(prm["K"].shape)
        self.grads["bK"] = dconv.sum(axis=0)
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "seg.npz"))
    X, y = data["X"], data["y"]
    net = SegNet()
    for step in range(300):
        loss = net.train_step(X, y)
        if step % 50 == 0 or step == 299:
            pred = net.forward(X)[0] > 0
            iou = (pred & (y > 0)).sum() / max((pred | (y > 0)).sum(), 1)
            print(f"step {step:4d}  loss {loss:.4f}  IoU {iou:.2f}")
