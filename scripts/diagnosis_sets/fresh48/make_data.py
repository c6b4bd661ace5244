"""Writes the data sets of this folder (seeded): python3 make_data.py

    clicks.npz    X float (40, 6) real-valued features, y float (40, 1) click / no click (0/1)
    triples.npz   X int64 (48, 3) stored (user, positive item, sampled negative item) triples over 10
                  users and 10 items, y float (48, 1) zeros (unused: BPR needs no label)
    pairs.npz     X float (40, 2, 5) a (preferred, other) pair of item feature vectors per row,
                  y float (40, 1) zeros (unused)
    lists.npz     X float (24, 5, 4) five candidates' features per query, y float (24, 5) graded
                  relevance 0..3 of each candidate
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(48)

# clicks: a pairwise-interaction target
X = rng.normal(0.0, 1.0, size=(40, 6))
logit = 0.8 * X[:, 0] - 0.5 * X[:, 3] + 1.2 * X[:, 1] * X[:, 2] - 0.7 * X[:, 4] * X[:, 5]
y = (logit + rng.normal(0.0, 0.5, 40) > 0).astype(float)[:, None]
np.savez(here / "clicks.npz", X=X, y=y)

# BPR triples with a sampled negative stored per row
users = rng.integers(0, 10, 48)
pos = (users + rng.integers(0, 3, 48)) % 10
neg = (pos + rng.integers(1, 10, 48)) % 10
np.savez(here / "triples.npz", X=np.stack([users, pos, neg], axis=1).astype(np.int64), y=np.zeros((48, 1)))

# preference pairs: the preferred item's features are shifted
A = rng.normal(0.0, 1.0, size=(40, 5))
B = rng.normal(0.0, 1.0, size=(40, 5))
w = np.array([1.0, -0.5, 0.8, 0.0, 0.3])
swap = (A @ w) < (B @ w)
P = np.where(swap[:, None], B, A)
N = np.where(swap[:, None], A, B)
np.savez(here / "pairs.npz", X=np.stack([P, N], axis=1), y=np.zeros((40, 1)))

# query lists with graded relevance
X = rng.normal(0.0, 1.0, size=(24, 5, 4))
raw = X @ np.array([1.0, 0.5, -0.7, 0.2]) + rng.normal(0.0, 0.4, size=(24, 5))
rel = np.clip(np.round(raw + 1.0), 0, 3)
np.savez(here / "lists.npz", X=X, y=rel)
