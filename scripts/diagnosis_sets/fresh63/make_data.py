"""Writes the data sets of this folder (seeded): python3 make_data.py

    sets.npz      X float (32, 5, 3) padded sets of 2..5 elements: column 0 the padding mask
                  (1 a real element, 0 padding), columns 1..2 the element's two features (padded
                  rows all zero); y float (32, 1) a set-level regression target
    sets_cls.npz  the same X, y float (32, 1) 0/1: whether the set holds an element whose first
                  feature exceeds 0.8
    clouds.npz    X float (24, 6, 3) point clouds of 6 points in 3-d, each shifted by its own
                  random offset; y float (24, 3) one-hot shape class (line, plane, blob)
    pairs.npz     X float (24, 4, 2) sets of exactly 4 elements; y float (24, 1) the mean
                  pairwise distance
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(63)

n, S, D = 32, 5, 2
sizes = rng.integers(2, S + 1, size=n)
X = np.zeros((n, S, D + 1))
y_reg = np.zeros((n, 1))
y_cls = np.zeros((n, 1))
for i, k in enumerate(sizes):
    pts = rng.normal(0.0, 1.0, (k, D))
    X[i, :k, 0] = 1.0
    X[i, :k, 1:] = pts
    y_reg[i, 0] = np.mean(pts[:, 0] * pts[:, 1]) + 0.3 * np.max(pts[:, 0])
    y_cls[i, 0] = float(np.any(pts[:, 0] > 0.8))
np.savez(here / "sets.npz", X=X, y=y_reg)
np.savez(here / "sets_cls.npz", X=X, y=y_cls)

n, P = 24, 6
X = np.zeros((n, P, 3))
y = np.zeros((n, 3))
for i in range(n):
    c = i % 3
    if c == 0:
        direction = rng.normal(size=3)
        pts = rng.uniform(-1, 1, (P, 1)) * direction / np.linalg.norm(direction)
    elif c == 1:
        pts = np.concatenate([rng.uniform(-1, 1, (P, 2)), np.zeros((P, 1))], axis=1)
    else:
        pts = rng.normal(0.0, 0.6, (P, 3))
    X[i] = pts + 0.05 * rng.normal(size=(P, 3)) + rng.normal(0.0, 1.0, 3)
    y[i, c] = 1.0
np.savez(here / "clouds.npz", X=X, y=y)

n, S = 24, 4
X = rng.normal(0.0, 1.0, (n, S, 2))
d = np.linalg.norm(X[:, :, None, :] - X[:, None, :, :], axis=-1)
y = (d.sum(axis=(1, 2)) / (S * (S - 1)))[:, None]
np.savez(here / "pairs.npz", X=X, y=y)
