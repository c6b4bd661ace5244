"""TwoHeadNet again in NumPy, written another way.

The same two-task model as twohead_numpy.py (a tanh trunk 10 -> 16, a price head with the mean
squared error, a 3-class segment head with the cross-entropy over the labelled rows, the fixed
weighted sum W_REG * L_reg + W_CLS * L_cls), but: the weights are attributes kept (out, in) as
torch keeps them; the cross-entropy is written with a log-sum-exp and the unlabelled rows are
removed with np.where; the optimizer is described by parameter groups (names, learning rate,
weight decay) like torch's; and the Nesterov step is written with the previous velocity,
(1 + mu) v_new - mu v_old, which equals d + mu v_new.

    X: float (n, 10), y: float (n, 3) = [price, segment, has_segment]
"""

import numpy as np

D, HIDDEN, K = 10, 16, 3
LR_TRUNK, LR_REG, LR_CLS = 0.05, 0.1, 0.2
MOMENTUM, WD = 0.9, 1e-3
W_REG, W_CLS = 1.0, 0.5

NAMES = ("trunk_w", "trunk_b", "price_w", "price_b", "seg_w", "seg_b")


class TwoHeadNetAlt:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.trunk_w = rng.uniform(-1, 1, (HIDDEN, D)) / np.sqrt(D)
        self.trunk_b = rng.uniform(-1, 1, HIDDEN) / np.sqrt(D)
        self.price_w = rng.uniform(-1, 1, (1, HIDDEN)) / np.sqrt(HIDDEN)
        self.price_b = np.zeros(1)
        self.seg_w = rng.uniform(-1, 1, (K, HIDDEN)) / np.sqrt(HIDDEN)
        self.seg_b = np.zeros(K)
        self.groups = [
            (("trunk_w", "trunk_b"), LR_TRUNK, WD),
            (("price_w", "price_b"), LR_REG, 0.0),
            (("seg_w", "seg_b"), LR_CLS, 0.0),
        ]
        self.velocity = {name: np.zeros_like(getattr(self, name)) for name in NAMES}

    def _forward(self, X, y):
        labelled = y[:, 2] > 0
        c = np.where(labelled, y[:, 1], 0).astype(np.int64)
        h = np.tanh(np.einsum("nd,hd->nh", X, self.trunk_w) + self.trunk_b)
        price = np.einsum("nh,oh->n", h, self.price_w) + self.price_b[0]
        z = np.einsum("nh,kh->nk", h, self.seg_w) + self.seg_b
        zmax = z.max(axis=1, keepdims=True)
        lse = zmax[:, 0] + np.log(np.exp(z - zmax).sum(axis=1))
        ce = np.where(labelled, lse - np.take_along_axis(z, c[:, None], axis=1)[:, 0], 0.0)
        n_lab = max(float(np.count_nonzero(labelled)), 1.0)
        l_reg = ((price - y[:, 0]) ** 2).mean()
        l_cls = ce.sum() / n_lab
        return h, price, z, lse, labelled, c, n_lab, W_REG * l_reg + W_CLS * l_cls

    def loss(self, X, y):
        return self._forward(X, y)[-1]

    def train_step(self, X, y):
        h, price, z, lse, labelled, c, n_lab, loss = self._forward(X, y)
        n = X.shape[0]
        g_price = (2.0 * W_REG / n) * (price - y[:, 0])
        probs = np.exp(z - lse[:, None])
        probs[np.arange(n), c] -= 1.0
        g_z = np.where(labelled[:, None], probs, 0.0) * (W_CLS / n_lab)
        g_h = np.outer(g_price, self.price_w[0]) + g_z @ self.seg_w
        g_pre = g_h * (1.0 - h * h)
        grads = {
            "price_w": g_price[None, :] @ h,
            "price_b": np.array([g_price.sum()]),
            "seg_w": g_z.T @ h,
            "seg_b": g_z.sum(axis=0),
            "trunk_w": g_pre.T @ X,
            "trunk_b": g_pre.sum(axis=0),
        }
        self.grads = grads
        for names, lr, wd in self.groups:
            for name in names:
                w = getattr(self, name)
                d = grads[name] + wd * w if wd else grads[name]
                v_old = self.velocity[name]
                v_new = MOMENTUM * v_old + d
                self.velocity[name] = v_new
                w -= lr * ((1.0 + MOMENTUM) * v_new - MOMENTUM * v_old)
        return float(loss)
