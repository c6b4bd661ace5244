"""Fast R-CNN style box head in NumPy over pooled region-of-interest features.

A shared ReLU layer (8 -> 16) feeds two linear heads: class logits over K = 4 classes (0 is the
background) and class-specific box offsets, 4 per class, laid out class-major ((n, 4K) read as
(n, K, 4)). The loss is the softmax cross entropy averaged over the regions plus BOX_WEIGHT times
the Huber loss (delta = 0.5) of the offsets of each region's ground-truth class against its
targets, on the foreground regions only, summed and divided by the number of sampled regions (all
of them, background included, as Detectron does). AdamW (decoupled weight decay, the parameter
shrunk by lr * WD before the Adam step) with a cosine learning rate from LR down to ETA_MIN over
T_MAX updates: update it = 0, 1, ... uses ETA_MIN + (LR - ETA_MIN) * (1 + cos(pi * it / T_MAX)) / 2.

    X: float (n, 8) region features
    y: float (n, 5): class label (0..3, as a float), targets dx, dy, dw, dh
"""

import math

import numpy as np

D, HIDDEN, K = 8, 16, 4
LR, BETA1, BETA2, EPS, WD = 0.01, 0.9, 0.999, 1e-8, 0.05
T_MAX, ETA_MIN = 20, 0.001
DELTA, BOX_WEIGHT = 0.5, 1.0


class RoIBoxHead:
    def __init__(self, seed=111):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W_cls": rng.normal(0.0, 0.2, (HIDDEN, K)),
            "b_cls": np.zeros(K),
            "W_box": rng.normal(0.0, 0.1, (HIDDEN, 4 * K)),
            "b_box": np.zeros(4 * K),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        labels = y[:, 0].astype(np.int64)
        tgt = y[:, 1:5]
        fg = (labels > 0).astype(X.dtype)
        idx = np.arange(n)

        pre = X @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        logits = h @ p["W_cls"] + p["b_cls"]
        box = (h @ p["W_box"] + p["b_box"]).reshape(n, K, 4)

        z = logits - logits.max(axis=1, keepdims=True)
        lse = np.log(np.exp(z).sum(axis=1))
        l_cls = np.mean(lse - z[idx, labels])
        r = box[idx, labels] - tgt
        a = np.abs(r)
        hub = np.where(a < DELTA, 0.5 * r ** 2, DELTA * (a - 0.5 * DELTA))
        l_box = np.sum(fg[:, None] * hub) / n
        loss = l_cls + BOX_WEIGHT * l_box

        probs = np.exp(z - lse[:, None])
        dlogits = probs.copy()
        dlogits[idx, labels] -= 1.0
        dlogits /= n
        dsel = BOX_WEIGHT * fg[:, None] * np.where(a < DELTA, r, DELTA * np.sign(r)) / n
        dbox = np.zeros_like(box)
        dbox[idx, labels] = dsel
        dbox = dbox.reshape(n, 4 * K)

        g = {}
        g["W_cls"] = h.T @ dlogits
        g["b_cls"] = dlogits.sum(axis=0)
        g["W_box"] = h.T @ dbox
        g["b_box"] = dbox.sum(axis=0)
        dh = dlogits @ p["W_cls"].T + dbox @ p["W_box"].T
        dpre = dh * (pre > 0)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        lr = ETA_MIN + (LR - ETA_MIN) * (1.0 + math.cos(math.pi * self.t / T_MAX)) / 2.0
        self.t += 1
        for k in p:
            p[k] *= 1.0 - WD  # fix: p[k] *= 1.0 - lr * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
