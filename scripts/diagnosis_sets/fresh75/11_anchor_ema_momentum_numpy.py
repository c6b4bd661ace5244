"""Region-proposal (anchor) head in NumPy: objectness and box deltas for a list of anchors.

Each row is one anchor: its pooled feature vector and its box (x1, y1, x2, y2) in pixels; the
target row holds the sampled label (1 positive, 0 sampled negative, -1 ignored) and the matched
ground-truth box. The ground truth is encoded against the anchor as Faster R-CNN does
(dx, dy relative to the anchor's size, dw, dh as log ratios). A shared ReLU layer feeds two
linear heads: one objectness logit and four box deltas. The objectness is trained with sigmoid
cross-entropy over the sampled anchors (positives and sampled negatives, mean over them), the
deltas with smooth-L1 (beta 1/9) over the positives' four coordinates, summed and divided by the
number of positives; the two are added with REG_W. Hand-written backward pass; SGD with
momentum 0.9 and weight decay on the weights only (the biases are not decayed), as torch's SGD.

    X: float (n, 12) (8 features, anchor x1 y1 x2 y2), y: float (n, 5) (label, gt x1 y1 x2 y2)
"""

import numpy as np

N_FEAT, HIDDEN = 8, 16
BETA, REG_W = 1.0 / 9.0, 2.0
LR, MU, WD = 0.02, 0.9, 1e-3
DECAYED = ("W1", "Wc", "Wr")


def encode(anchors, gt):
    aw = anchors[:, 2] - anchors[:, 0]
    ah = anchors[:, 3] - anchors[:, 1]
    acx = anchors[:, 0] + 0.5 * aw
    acy = anchors[:, 1] + 0.5 * ah
    gw = gt[:, 2] - gt[:, 0]
    gh = gt[:, 3] - gt[:, 1]
    gcx = gt[:, 0] + 0.5 * gw
    gcy = gt[:, 1] + 0.5 * gh
    return np.stack([(gcx - acx) / aw, (gcy - acy) / ah, np.log(gw / aw), np.log(gh / ah)], axis=1)


class AnchorHead:
    def __init__(self, seed=75):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / N_FEAT), (N_FEAT, HIDDEN)),
            "b1": np.full(HIDDEN, 0.1),
            "Wc": rng.normal(0.0, 0.1, (HIDDEN, 1)),
            "bc": np.full(1, -np.log(3.0)),  # prior: a quarter of the anchors positive
            "Wr": rng.normal(0.0, 0.05, (HIDDEN, 4)),
            "br": np.zeros(4),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        feat, anchors = X[:, :N_FEAT], X[:, N_FEAT:]
        label, gt = y[:, :1], y[:, 1:]
        targets = encode(anchors, gt)
        keep = (label >= 0).astype(feat.dtype)
        pos = (label == 1).astype(feat.dtype)
        n_keep = max(int(keep.sum()), 1)
        n_pos = max(int(pos.sum()), 1)

        a1 = feat @ p["W1"] + p["b1"]
        h = np.maximum(a1, 0.0)
        s = h @ p["Wc"] + p["bc"]
        d = h @ p["Wr"] + p["br"]

        lab = np.clip(label, 0.0, 1.0)
        cls_loss = np.sum(keep * (np.logaddexp(0.0, s) - lab * s)) / n_keep
        diff = (d - targets) * pos
        ad = np.abs(diff)
        reg_loss = np.sum(np.where(ad < BETA, 0.5 * diff ** 2 / BETA, ad - 0.5 * BETA)) / n_pos
        loss = cls_loss + REG_W * reg_loss

        ds = keep * (1.0 / (1.0 + np.exp(-s)) - lab) / n_keep
        dd = REG_W * np.where(ad < BETA, diff / BETA, np.sign(diff)) * pos / n_pos
        g = {}
        g["Wc"] = h.T @ ds
        g["bc"] = ds.sum(axis=0)
        g["Wr"] = h.T @ dd
        g["br"] = dd.sum(axis=0)
        dh = ds @ p["Wc"].T + dd @ p["Wr"].T
        da = dh * (a1 > 0)
        g["W1"] = feat.T @ da
        g["b1"] = da.sum(axis=0)
        self.grads = g

        for k in p:
            step = g[k] + WD * p[k] if k in DECAYED else g[k]
            self.velocity[k] = MU * self.velocity[k] + (1.0 - MU) * step  # fix: self.velocity[k] = MU * self.velocity[k] + step
            p[k] -= LR * self.velocity[k]
        return float(loss)
