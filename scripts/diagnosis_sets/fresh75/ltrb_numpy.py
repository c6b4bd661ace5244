"""Anchor-free (FCOS-style) box head with an IoU loss, in NumPy.

Each row is one feature-map location (px, py) with its feature vector. A shared ReLU layer feeds a
classification logit and four distances to the box sides (l, t, r, b) = SCALE * exp(reg). For
the positive locations (inside their assigned box) the predicted and target boxes around the
location are compared by IoU: intersection (min(l, l*) + min(r, r*)) * (min(t, t*) + min(b, b*)),
union the two areas less it; the box loss is 1 - IoU summed over the positives. The
classification is IoU-aware: a positive's target is its (detached) IoU, a sampled negative's 0,
ignored locations do not count; sigmoid cross-entropy summed over the sampled locations. Both
sums are divided by the number of positives; loss = cls + BOX_W * box. Hand-written backward,
the gradients clipped to a global L2 norm of MAX_NORM (as torch's clip_grad_norm_), plain SGD.

    X: float (n, 8) (6 features, px, py), y: float (n, 5) (label, box x1 y1 x2 y2)
"""

import numpy as np

N_FEAT, HIDDEN = 6, 12
SCALE, BOX_W = 0.25, 2.0
LR, MAX_NORM = 0.2, 0.5


class LTRBHead:
    def __init__(self, seed=75):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / N_FEAT), (N_FEAT, HIDDEN)),
            "b1": np.full(HIDDEN, 0.1),
            "Wc": rng.normal(0.0, 0.1, (HIDDEN, 1)),
            "bc": np.zeros(1),
            "Wr": rng.normal(0.0, 0.1, (HIDDEN, 4)),
            "br": np.zeros(4),
        }

    def train_step(self, X, y):
        p = self.params
        feat, px, py = X[:, :N_FEAT], X[:, N_FEAT], X[:, N_FEAT + 1]
        label, box = y[:, 0], y[:, 1:]
        pos = label == 1
        keep = (label >= 0).astype(X.dtype)
        num_pos = max(int(pos.sum()), 1)

        a1 = feat @ p["W1"] + p["b1"]
        h = np.maximum(a1, 0.0)
        s = (h @ p["Wc"] + p["bc"])[:, 0]
        reg = h @ p["Wr"] + p["br"]
        dist = SCALE * np.exp(reg)

        target = np.stack([px - box[:, 0], py - box[:, 1], box[:, 2] - px, box[:, 3] - py], axis=1)
        l, t, r, b = dist[pos].T
        lt, tt, rt, bt = target[pos].T
        area_p = (l + r) * (t + b)
        area_g = (lt + rt) * (tt + bt)
        wi = np.minimum(l, lt) + np.minimum(r, rt)
        hi = np.minimum(t, tt) + np.minimum(b, bt)
        inter = wi * hi
        union = area_p + area_g - inter
        iou = inter / union
        box_loss = np.sum(1.0 - iou) / num_pos

        q = np.zeros_like(s)
        q[pos] = iou
        cls_loss = np.sum(keep * (np.logaddexp(0.0, s) - q * s)) / num_pos
        loss = cls_loss + BOX_W * box_loss

        ds = keep * (1.0 / (1.0 + np.exp(-s)) - q) / num_pos
        diou = -BOX_W / num_pos
        dinter = diou * (union + inter) / union ** 2
        darea = -diou * inter / union ** 2
        dwi = dinter * hi
        dhi = dinter * wi
        dl = darea * (t + b) + dwi * (l < lt)
        dr = darea * (t + b) + dwi * (r < rt)
        dt = darea * (l + r) + dhi * (t < tt)
        db = darea * (l + r) + dhi * (b < bt)
        ddist = np.zeros_like(dist)
        ddist[pos] = np.stack([dl, dt, dr, db], axis=1)
        dreg = ddist * dist

        g = {}
        g["Wc"] = h.T @ ds[:, None]
        g["bc"] = ds.sum(keepdims=True)
        g["Wr"] = h.T @ dreg
        g["br"] = dreg.sum(axis=0)
        dh = ds[:, None] @ p["Wc"].T + dreg @ p["Wr"].T
        da = dh * (a1 > 0)
        g["W1"] = feat.T @ da
        g["b1"] = da.sum(axis=0)

        total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (float(total) + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g
        self.total_norm = float(total)

        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
