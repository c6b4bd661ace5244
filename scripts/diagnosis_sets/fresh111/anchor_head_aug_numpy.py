"""The RPN-style anchor head of anchor_head_numpy.py written another way, in NumPy.

Each layer keeps one augmented matrix, the bias as its last row (W1a (13, 16), W2a (17, 5)), and
the inputs get a column of ones. The objectness loss is np.logaddexp(0, s) - label * s; the smooth
L1 loss is written with q = min(|r|, beta) as 0.5 q^2 / beta + |r| - q and its derivative as
clip(r / beta, -1, 1). The momentum buffers (self.mom) are updated in place, the weight decay
folded into them as torch.optim.SGD does, and the warm-up factor comes from a function of the
update index. Same model, loss, optimizer and schedule as anchor_head_numpy.py.

    X: float (n, 12) anchor features
    y: float (n, 6): label (1 positive, 0 negative), targets dx, dy, dw, dh, objectness weight
"""

import numpy as np

D, HIDDEN, OUT = 12, 16, 5
LR, MOMENTUM, WD = 0.05, 0.9, 1e-3
WARMUP, WARMUP_FACTOR = 5, 1.0 / 3.0
BETA, BOX_WEIGHT = 1.0 / 9.0, 2.0


def warmup_factor(it):
    if it >= WARMUP:
        return 1.0
    return WARMUP_FACTOR + (1.0 - WARMUP_FACTOR) * it / WARMUP


def with_ones(A):
    return np.concatenate([A, np.ones((A.shape[0], 1), dtype=A.dtype)], axis=1)


class AnchorHeadAug:
    def __init__(self, seed=111):
        rng = np.random.default_rng(seed)
        W1 = rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN))
        b1 = rng.normal(0.0, 0.1, HIDDEN)
        W2 = rng.normal(0.0, 0.1, (HIDDEN, OUT))
        b2 = rng.normal(0.0, 0.1, OUT)
        self.W1a = np.vstack([W1, b1])
        self.W2a = np.vstack([W2, b2])
        self.mom = {"W1a": np.zeros_like(self.W1a), "W2a": np.zeros_like(self.W2a)}
        self.updates = 0

    def train_step(self, X, y):
        label, tgt, wobj = y[:, 0], y[:, 1:5], y[:, 5]
        Xa = with_ones(X)
        pre = Xa @ self.W1a
        active = pre > 0
        h = np.where(active, pre, 0.0)
        ha = with_ones(h)
        out = ha @ self.W2a
        s, r = out[:, 0], out[:, 1:] - tgt

        n_obj = np.maximum(wobj.sum(), 1.0)
        npos = np.maximum(label.sum(), 1.0)
        l_obj = np.dot(wobj, np.logaddexp(0.0, s) - label * s) / n_obj
        a = np.abs(r)
        q = np.minimum(a, BETA)
        l_box = np.einsum("n,nc->", label, 0.5 * q * q / BETA + a - q) / npos
        loss = l_obj + BOX_WEIGHT * l_box

        dout = np.empty_like(out)
        dout[:, 0] = wobj * (0.5 * (1.0 + np.tanh(0.5 * s)) - label) / n_obj
        dout[:, 1:] = (BOX_WEIGHT / npos) * label[:, None] * np.clip(r / BETA, -1.0, 1.0)
        gW2a = ha.T @ dout
        dpre = np.where(active, dout @ self.W2a[:-1].T, 0.0)
        gW1a = Xa.T @ dpre

        lr = LR * warmup_factor(self.updates)
        self.updates += 1
        for name, W, gW in (("W1a", self.W1a, gW1a), ("W2a", self.W2a, gW2a)):
            buf = self.mom[name]
            buf *= MOMENTUM
            buf += gW + WD * W
            W -= lr * buf
        return float(loss)
