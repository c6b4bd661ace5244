"""Writes the data sets of this folder (seeded): python3 make_data.py

    lists.npz     X float (20, 5, 4) five documents' features per query, y float (20, 5) graded
                  relevance 0..3 (ties within a query, every query with one relevant document and two distinct grades)
    pairs.npz     X float (40, 2, 4) two documents per row, y float (40, 1) 1 where the first
                  should rank above the second, else 0
    ordinal.npz   X float (48, 4), y float (48, 1) ordinal level 0..3
    cumul.npz     X float (48, 4), y float (48, 3) cumulative targets [level > k], k = 0, 1, 2
    grades.npz    X float (48, 4), y float (48, 1) the level 0..3 as a number (pointwise regression)
    onehot.npz    X float (48, 4), y one-hot (48, 4) of the level (pointwise classification)
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(60)
w = np.array([1.0, -0.6, 0.8, 0.3])

X = rng.normal(0.0, 1.0, size=(20, 5, 4))
rel = np.clip(np.round(X @ w + rng.normal(0.0, 0.4, size=(20, 5)) + 1.0), 0, 3)
rel[rel.sum(axis=1) == 0, 0] = 1.0
flat = rel.min(axis=1) == rel.max(axis=1)
rel[flat, 0] = np.where(rel[flat, 0] < 3, rel[flat, 0] + 1, rel[flat, 0] - 1)
np.savez(here / "lists.npz", X=X, y=rel)

A = rng.normal(0.0, 1.0, size=(40, 4))
B = rng.normal(0.0, 1.0, size=(40, 4))
first = ((A - B) @ w + rng.normal(0.0, 0.3, 40) > 0).astype(float)[:, None]
np.savez(here / "pairs.npz", X=np.stack([A, B], axis=1), y=first)

X = rng.normal(0.0, 1.0, size=(48, 4))
level = np.digitize(X @ w + rng.normal(0.0, 0.3, 48), [-1.0, 0.0, 1.0]).astype(float)
np.savez(here / "ordinal.npz", X=X, y=level[:, None])
np.savez(here / "cumul.npz", X=X, y=(level[:, None] > np.arange(3)).astype(float))
np.savez(here / "grades.npz", X=X, y=level[:, None])
np.savez(here / "onehot.npz", X=X, y=np.eye(4)[level.astype(int)])
