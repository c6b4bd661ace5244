"""Writes the data sets of this folder (seeded): python3 make_data.py

    anchors.npz  one row per anchor of a region-proposal head, 48 rows in three batches of 16.
                 X float (48, 12): columns 0..7 the anchor's pooled feature vector, columns 8..11
                 the anchor box (x1, y1, x2, y2) in pixels of a 64 x 64 image (sizes 16..32,
                 aspect ratios 1:2, 1:1, 2:1).
                 y float (48, 5): column 0 the sampled label (1 positive, 0 sampled negative,
                 -1 not sampled / ignored), columns 1..4 the matched ground-truth box (x1, y1, x2,
                 y2) in pixels (for negatives and ignored rows the nearest box, never used).
    grid.npz     one row per image of a 3 x 3 grid detector (one object per image), 36 rows.
                 X float (36, 36): the 3 x 3 x 4 feature map, cell-major (row, col), then the 4
                 channels of the cell (X.reshape(n, 9, 4)).
                 y float (36, 4): the object's box (cx, cy, w, h), normalised to [0, 1].
    ltrb.npz     one row per feature-map location of an anchor-free (FCOS-style) head, 48 rows.
                 X float (48, 8): columns 0..5 the location's feature vector, columns 6..7 the
                 location (px, py) in [0, 1].
                 y float (48, 5): column 0 the label (1 positive: inside its box, 0 sampled
                 negative, -1 ignored), columns 1..4 the assigned box (x1, y1, x2, y2) in [0, 1].
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(75)


def anchors():
    n = 48
    labels = np.array(([1] * 5 + [0] * 7 + [-1] * 4) * 3, dtype=float)
    rng.shuffle(labels[:16]), rng.shuffle(labels[16:32]), rng.shuffle(labels[32:])
    X = np.zeros((n, 12))
    y = np.zeros((n, 5))
    for i in range(n):
        size = rng.choice([16.0, 24.0, 32.0])
        ratio = rng.choice([0.5, 1.0, 2.0])
        w, h = size * np.sqrt(ratio), size / np.sqrt(ratio)
        cx, cy = rng.uniform(18.0, 46.0, size=2)
        anchor = np.array([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2])
        if labels[i] == 1:
            # a ground-truth box near the anchor (IoU above 0.5)
            gcx, gcy = cx + rng.normal(0.0, 0.12) * w, cy + rng.normal(0.0, 0.12) * h
            gw, gh = w * np.exp(rng.normal(0.0, 0.2)), h * np.exp(rng.normal(0.0, 0.2))
        else:
            gcx, gcy = rng.uniform(10.0, 54.0, size=2)
            gw, gh = rng.uniform(10.0, 30.0, size=2)
        gt = np.array([gcx - gw / 2, gcy - gh / 2, gcx + gw / 2, gcy + gh / 2])
        t = np.array([(gcx - cx) / w, (gcy - cy) / h, np.log(gw / w), np.log(gh / h)])
        feat = rng.normal(0.0, 1.0, 8)
        feat[0] += 1.5 * labels[i]
        feat[1:5] += 2.0 * t * (labels[i] == 1)
        X[i] = np.concatenate([feat, anchor.round(1)])
        y[i] = np.concatenate([[labels[i]], gt.round(1)])
    return X, y


def grid():
    n, S = 36, 3
    X = rng.normal(0.0, 0.5, (n, S * S, 4))
    y = np.zeros((n, 4))
    for i in range(n):
        cx, cy = rng.uniform(0.05, 0.95, size=2)
        # keep the centre away from the cell borders
        cx = (np.floor(cx * S) + np.clip(cx * S % 1.0, 0.1, 0.9)) / S
        cy = (np.floor(cy * S) + np.clip(cy * S % 1.0, 0.1, 0.9)) / S
        w, h = rng.uniform(0.15, 0.5, size=2)
        cell = int(cy * S) * S + int(cx * S)
        X[i, cell, 0] += 1.5
        X[i, cell, 1] += (cx * S % 1.0) - 0.5
        X[i, cell, 2] += (cy * S % 1.0) - 0.5
        X[i, cell, 3] += np.log(w * h / 0.09)
        y[i] = [cx, cy, w, h]
    return X.reshape(n, -1), y


def ltrb():
    n = 48
    labels = np.array([1] * 18 + [0] * 20 + [-1] * 10, dtype=float)
    rng.shuffle(labels)
    X = np.zeros((n, 8))
    y = np.zeros((n, 5))
    for i in range(n):
        w, h = rng.uniform(0.2, 0.6, size=2)
        x1, y1 = rng.uniform(0.0, 1.0 - w), rng.uniform(0.0, 1.0 - h)
        box = np.array([x1, y1, x1 + w, y1 + h])
        if labels[i] == 1:
            px, py = x1 + rng.uniform(0.2, 0.8) * w, y1 + rng.uniform(0.2, 0.8) * h
            l, t, r, b = px - x1, py - y1, x1 + w - px, y1 + h - py
        else:
            px, py = rng.uniform(0.0, 1.0, size=2)
            l = t = r = b = 0.0
        feat = rng.normal(0.0, 1.0, 6)
        feat[0] += 1.5 * labels[i]
        feat[1:5] += 4.0 * np.array([l, t, r, b]) - 1.0 * (labels[i] == 1)
        X[i] = np.concatenate([feat, [px, py]])
        y[i] = np.concatenate([[labels[i]], box])
    return X.round(4), y.round(4)


Xa, ya = anchors()
np.savez(here / "anchors.npz", X=Xa, y=ya)
Xg, yg = grid()
np.savez(here / "grid.npz", X=Xg, y=yg)
Xl, yl = ltrb()
np.savez(here / "ltrb.npz", X=Xl, y=yl)
print("anchors", Xa.shape, "positives", int((ya[:, 0] == 1).sum()), "negatives", int((ya[:, 0] == 0).sum()))
print("grid", Xg.shape, yg.shape)
print("ltrb", Xl.shape, "positives", int((yl[:, 0] == 1).sum()))
