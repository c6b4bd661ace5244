"""The three-task customer model of mtl_numpy.py written another way: every weight kept as an
attribute in torch's (out, in) layout and applied as X @ W.T, the cross-entropy through a
log-sum-exp, the binary loss as np.logaddexp softplus terms, the one-hot as a boolean comparison,
the global gradient norm from one concatenated vector (np.linalg.norm), and Adam's state kept
as one dict of [m, v] pairs with the step count beside. Same math: tanh trunk, fixed weights
W_REG, W_BIN, W_CLS, clipping to MAX_NORM over all parameters, Adam with a trunk and a head
learning rate.

    X: float (n, 10), y: float (n, 3)
"""

import numpy as np

D, HIDDEN, K = 10, 16, 3
W_REG, W_BIN, W_CLS = 1.0, 0.5, 0.8
LR_TRUNK, LR_HEAD, MAX_NORM = 0.01, 0.03, 1.0
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8
NAMES = ("W_trunk", "b_trunk", "W_reg", "b_reg", "W_bin", "b_bin", "W_cls", "b_cls")


class RowMajorMTL:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.W_trunk = rng.uniform(-1.0, 1.0, (HIDDEN, D)) / np.sqrt(D)
        self.b_trunk = rng.uniform(-0.1, 0.1, HIDDEN)
        self.W_reg = rng.uniform(-1.0, 1.0, (1, HIDDEN)) / np.sqrt(HIDDEN)
        self.b_reg = np.zeros(1)
        self.W_bin = rng.uniform(-1.0, 1.0, (1, HIDDEN)) / np.sqrt(HIDDEN)
        self.b_bin = np.zeros(1)
        self.W_cls = rng.uniform(-1.0, 1.0, (K, HIDDEN)) / np.sqrt(HIDDEN)
        self.b_cls = np.zeros(K)
        self.adam = {}
        self.steps = 0

    def _forward(self, X):
        h = np.tanh(X @ self.W_trunk.T + self.b_trunk)
        out = {
            "reg": (h @ self.W_reg.T + self.b_reg).ravel(),
            "bin": (h @ self.W_bin.T + self.b_bin).ravel(),
            "cls": h @ self.W_cls.T + self.b_cls,
        }
        return h, out

    def _objective(self, X, y):
        h, out = self._forward(X)
        hot = y[:, 2:3].astype(int) == np.arange(K)
        z = out["bin"]
        t = y[:, 1]
        lse = np.log(np.sum(np.exp(out["cls"] - out["cls"].max(axis=1, keepdims=True)), axis=1)) \
            + out["cls"].max(axis=1)
        terms = {
            "reg": np.mean(np.square(out["reg"] - y[:, 0])),
            "bin": np.mean(t * np.logaddexp(0.0, -z) + (1.0 - t) * np.logaddexp(0.0, z)),
            "cls": np.mean(lse - np.sum(np.where(hot, out["cls"], 0.0), axis=1)),
        }
        total = W_REG * terms["reg"] + W_BIN * terms["bin"] + W_CLS * terms["cls"]
        return h, out, hot, total

    def loss(self, X, y):
        return float(self._objective(X, y)[3])

    def train_step(self, X, y):
        n = X.shape[0]
        h, out, hot, total = self._objective(X, y)

        e_reg = (W_REG * 2.0 / n) * (out["reg"] - y[:, 0])
        e_bin = (W_BIN / n) * (0.5 * (1.0 + np.tanh(0.5 * out["bin"])) - y[:, 1])
        logits = out["cls"]
        sm = np.exp(logits - logits.max(axis=1, keepdims=True))
        sm /= sm.sum(axis=1, keepdims=True)
        e_cls = (W_CLS / n) * (sm - hot.astype(sm.dtype))

        grads = {
            "W_reg": np.outer(e_reg, np.ones(1, dtype=h.dtype)).T @ h,
            "b_reg": np.atleast_1d(e_reg.sum()),
            "W_bin": e_bin[None, :] @ h,
            "b_bin": np.atleast_1d(e_bin.sum()),
            "W_cls": e_cls.T @ h,
            "b_cls": e_cls.sum(axis=0),
        }
        back = np.outer(e_reg, self.W_reg[0]) + np.outer(e_bin, self.W_bin[0]) + e_cls @ self.W_cls
        back *= 1.0 - np.square(h)
        grads["W_trunk"] = back.T @ X
        grads["b_trunk"] = back.sum(axis=0)

        norm = np.linalg.norm(np.concatenate([grads[k].ravel() for k in NAMES]))
        scale = min(1.0, MAX_NORM / (norm + 1e-6))
        grads = {k: g * scale for k, g in grads.items()}
        self.grads = grads

        self.steps += 1
        c1 = 1.0 - BETA1 ** self.steps
        c2 = 1.0 - BETA2 ** self.steps
        for k in NAMES:
            g = grads[k]
            m, v = self.adam.get(k, (np.zeros_like(g), np.zeros_like(g)))
            m = BETA1 * m + (1.0 - BETA1) * g
            v = BETA2 * v + (1.0 - BETA2) * g * g
            self.adam[k] = (m, v)
            lr = LR_TRUNK if k.endswith("_trunk") else LR_HEAD
            setattr(self, k, getattr(self, k) - lr * (m / c1) / (np.sqrt(v / c2) + EPS))
        return float(total)
