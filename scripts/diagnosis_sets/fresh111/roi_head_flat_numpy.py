"""The Fast R-CNN box head of roi_head_numpy.py written another way, in NumPy.

All six parameters are views into one flat vector theta (and their gradients views into one flat
gradient), so AdamW updates theta, its two moments and the decay in place, in torch's arrangement
(step size lr / (1 - beta1^t), denominator sqrt(v) / sqrt(1 - beta2^t) + eps). The labels become a
one-hot matrix: the cross entropy is -sum(onehot * log_softmax) / n and the ground-truth class's
offsets are picked with np.einsum; the Huber loss is written with q = clip(r, -delta, delta) as
q * (r - q / 2), its derivative q. The cosine learning rates are tabulated at construction. Same
model, loss, optimizer and schedule as roi_head_numpy.py.

    X: float (n, 8) region features
    y: float (n, 5): class label (0..3, as a float), targets dx, dy, dw, dh
"""

import math

import numpy as np

D, HIDDEN, K = 8, 16, 4
LR, BETA1, BETA2, EPS, WD = 0.01, 0.9, 0.999, 1e-8, 0.05
T_MAX, ETA_MIN = 20, 0.001
DELTA, BOX_WEIGHT = 0.5, 1.0
SHAPES = [("W1", (D, HIDDEN)), ("b1", (HIDDEN,)), ("W_cls", (HIDDEN, K)), ("b_cls", (K,)),
          ("W_box", (HIDDEN, 4 * K)), ("b_box", (4 * K,))]


def views(flat):
    out, at = {}, 0
    for name, shape in SHAPES:
        size = int(np.prod(shape))
        out[name] = flat[at:at + size].reshape(shape)
        at += size
    return out


class RoIBoxHeadFlat:
    def __init__(self, seed=111):
        rng = np.random.default_rng(seed)
        self.theta = np.zeros(sum(int(np.prod(s)) for _, s in SHAPES))
        self.params = views(self.theta)
        self.params["W1"][...] = rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN))
        self.params["b1"][...] = rng.normal(0.0, 0.1, HIDDEN)
        self.params["W_cls"][...] = rng.normal(0.0, 0.2, (HIDDEN, K))
        self.params["W_box"][...] = rng.normal(0.0, 0.1, (HIDDEN, 4 * K))
        self.gflat = np.zeros_like(self.theta)
        self.grads = views(self.gflat)
        self.m1 = np.zeros_like(self.theta)
        self.m2 = np.zeros_like(self.theta)
        self.lrs = [ETA_MIN + (LR - ETA_MIN) * (1.0 + math.cos(math.pi * it / T_MAX)) / 2.0
                    for it in range(4 * T_MAX)]
        self.t = 0

    def train_step(self, X, y):
        p, g = self.params, self.grads
        n = X.shape[0]
        onehot = (y[:, :1] == np.arange(K)).astype(X.dtype)
        fg = 1.0 - onehot[:, 0]
        tgt = y[:, 1:5]

        pre = X @ p["W1"] + p["b1"]
        h = pre * (pre > 0)
        logits = h @ p["W_cls"] + p["b_cls"]
        box = (h @ p["W_box"] + p["b_box"]).reshape(n, K, 4)

        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        l_cls = -np.sum(onehot * logp) / n
        r = np.einsum("nkc,nk->nc", box, onehot) - tgt
        q = np.clip(r, -DELTA, DELTA)
        l_box = np.sum(fg[:, None] * q * (r - 0.5 * q)) / n
        loss = l_cls + BOX_WEIGHT * l_box

        dlogits = (np.exp(logp) - onehot) / n
        dsel = (BOX_WEIGHT / n) * fg[:, None] * q
        dbox = (onehot[:, :, None] * dsel[:, None, :]).reshape(n, 4 * K)
        g["W_cls"][...] = h.T @ dlogits
        g["b_cls"][...] = dlogits.sum(axis=0)
        g["W_box"][...] = h.T @ dbox
        g["b_box"][...] = dbox.sum(axis=0)
        dpre = (dlogits @ p["W_cls"].T + dbox @ p["W_box"].T) * (pre > 0)
        g["W1"][...] = X.T @ dpre
        g["b1"][...] = dpre.sum(axis=0)

        lr = self.lrs[self.t]
        self.t += 1
        self.theta *= 1.0 - lr * WD
        self.m1 *= BETA1
        self.m1 += (1.0 - BETA1) * self.gflat
        self.m2 *= BETA2
        self.m2 += (1.0 - BETA2) * self.gflat * self.gflat
        step_size = lr / (1.0 - BETA1 ** self.t)
        denom = np.sqrt(self.m2) / math.sqrt(1.0 - BETA2 ** self.t) + EPS
        self.theta -= step_size * self.m1 / denom
        return float(loss)
