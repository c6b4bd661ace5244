"""Writes the data sets of this folder (seeded): python3 make_data.py

    anchors.npz   X float (48, 12): pooled features of 48 anchors (a few informative directions plus
                  noise); y float (48, 6): column 0 the objectness label (1 positive, 0 negative),
                  columns 1:5 the regression targets (dx, dy, dw, dh) of each anchor towards its
                  best-matching ground-truth box (computed for every anchor, negatives included, as
                  a matcher does), column 5 the objectness weight (0 for the anchors the matcher
                  ignores, IoU between the two thresholds, 1 otherwise; positives are never ignored).
                  Every block of 16 rows holds at least three positives and two ignored anchors.
    boxes.npz     X float (40, 10): features of 40 anchors; y float (40, 9): column 0 the positive
                  mask (1 for anchors matched to an object), columns 1:5 the anchor box
                  (x1, y1, x2, y2) in image-normalised coordinates, columns 5:9 the ground-truth box
                  (x1, y1, x2, y2) the anchor was matched to (for negatives the nearest one, unused).
                  Every block of 20 rows holds at least five positives.
    rois.npz      X float (36, 8): pooled features of 36 sampled regions of interest; y float (36, 5):
                  column 0 the class label as a float (0 background, 1..3 object classes), columns
                  1:5 the normalised regression targets (dx, dy, dw, dh) of each region towards its
                  ground-truth box (for background regions those of the nearest box, unused).
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(111)


def xyxy_to_cxcywh(b):
    return (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2, b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]


def encode(anchor, gt):
    ax, ay, aw, ah = xyxy_to_cxcywh(anchor)
    gx, gy, gw, gh = xyxy_to_cxcywh(gt)
    return np.stack([(gx - ax) / aw, (gy - ay) / ah, np.log(gw / aw), np.log(gh / ah)], axis=1)


def random_boxes(n, lo=0.15, hi=0.45):
    cx, cy = rng.uniform(0.25, 0.75, n), rng.uniform(0.25, 0.75, n)
    w, h = rng.uniform(lo, hi, n), rng.uniform(lo, hi, n)
    return np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1)


# ---------------------------------------------------------------- anchors (RPN-style head)
n = 48
while True:
    label = (rng.random(n) < 0.35).astype(float)
    weight = np.where(label > 0, 1.0, (rng.random(n) > 0.2).astype(float))
    blocks_ok = all(label[i:i + 16].sum() >= 3 and (weight[i:i + 16] == 0).sum() >= 2 for i in range(0, n, 16))
    if blocks_ok:
        break
anchor = random_boxes(n)
gt = anchor + rng.normal(0.0, 0.04, (n, 4))
gt[:, 2:] = np.maximum(gt[:, 2:], gt[:, :2] + 0.05)
deltas = encode(anchor, gt)
deltas[label == 0] *= 3.0          # far from their nearest box
proj = rng.normal(0.0, 1.0, (4, 12))
feat = deltas @ proj + 1.5 * label[:, None] * rng.normal(0.0, 1.0, (1, 12)) + 0.7 * rng.standard_normal((n, 12))
feat = (feat - feat.mean(axis=0)) / feat.std(axis=0)
np.savez(here / "anchors.npz", X=feat.round(4),
         y=np.concatenate([label[:, None], deltas.round(4), weight[:, None]], axis=1))

# ---------------------------------------------------------------- boxes (GIoU head)
n = 40
while True:
    pos = (rng.random(n) < 0.4).astype(float)
    if all(pos[i:i + 20].sum() >= 5 for i in range(0, n, 20)):
        break
anchor = random_boxes(n)
gt = anchor + rng.normal(0.0, 0.05, (n, 4))
gt[:, 2:] = np.maximum(gt[:, 2:], gt[:, :2] + 0.06)
far = pos == 0
gt[far] = random_boxes(int(far.sum()))
d = encode(anchor, gt)
proj = rng.normal(0.0, 1.0, (4, 10))
feat = np.clip(d, -3, 3) @ proj + 1.2 * pos[:, None] * rng.normal(0.0, 1.0, (1, 10)) \
    + 0.6 * rng.standard_normal((n, 10))
feat = (feat - feat.mean(axis=0)) / feat.std(axis=0)
np.savez(here / "boxes.npz", X=feat.round(4),
         y=np.concatenate([pos[:, None], anchor.round(4), gt.round(4)], axis=1))

# ---------------------------------------------------------------- rois (Fast R-CNN box head)
n = 36
cls = rng.integers(0, 4, n)
cls[:4] = [0, 1, 2, 3]
proposal = random_boxes(n)
gt = proposal + rng.normal(0.0, 0.05, (n, 4))
gt[:, 2:] = np.maximum(gt[:, 2:], gt[:, :2] + 0.05)
t = encode(proposal, gt) / np.array([0.1, 0.1, 0.2, 0.2])
centres = rng.normal(0.0, 1.5, (4, 8))
feat = centres[cls] + 0.4 * (t @ rng.normal(0.0, 1.0, (4, 8))) + 0.8 * rng.standard_normal((n, 8))
feat = (feat - feat.mean(axis=0)) / feat.std(axis=0)
np.savez(here / "rois.npz", X=feat.round(4), y=np.concatenate([cls[:, None].astype(float), t.round(4)], axis=1))
print("anchors pos", label.mean().round(3), "boxes pos", pos.mean().round(3),
      "rois fg", (cls > 0).mean().round(3), "roi targets std", t.std(axis=0).round(2))
