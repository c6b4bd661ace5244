"""Write the small data files of the fresh138 set (fixed seed).

ctr.npz   X int64 (64, 2, 8): X[:, 0] raw feature ids (hashed by the programs,
          -1 = padding), X[:, 1] how often each id occurs in the row (0 at padding);
          y float32 (64,) click labels 0/1.
rec.npz   X int64 (64, 11): X[:, 0] user id (0..15), X[:, 1:] item ids of the
          user's history (1..39, padded at the end with 0); y float32 (64,) ratings.
tags.npz  X int64 (64, 2, 6): two multi-hot fields of raw tag ids (-1 = padding);
          y int64 (64,) class 0..2.
Every bag holds at least one real id.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(138)

# --- ctr: hashed, counted bag of features
N, L = 64, 8
raw = rng.integers(0, 1_000_000, size=(N, L))
cnt = rng.integers(1, 4, size=(N, L))
lens = rng.integers(1, L + 1, size=N)
for i in range(N):
    raw[i, lens[i]:] = -1
    cnt[i, lens[i]:] = 0
# reuse some ids across rows so that rows of the table are shared in a batch
pool = rng.integers(0, 1_000_000, size=12)
use = rng.random((N, L)) < 0.4
raw = np.where(use & (raw >= 0), pool[rng.integers(0, 12, size=(N, L))], raw)
X = np.stack([raw, cnt], axis=1).astype(np.int64)
y = (rng.random(N) < 0.4).astype(np.float32)
np.savez(os.path.join(HERE, "ctr.npz"), X=X, y=y)

# --- rec: user id + padded history of items
N, L, n_users, n_items = 64, 10, 16, 40
users = rng.integers(0, n_users, size=N)
hist = rng.integers(1, n_items, size=(N, L))
lens = rng.integers(1, L + 1, size=N)
for i in range(N):
    hist[i, lens[i]:] = 0
X = np.concatenate([users[:, None], hist], axis=1).astype(np.int64)
y = (rng.standard_normal(N) * 0.5 + 1.0).astype(np.float32)
np.savez(os.path.join(HERE, "rec.npz"), X=X, y=y)

# --- tags: two multi-hot fields of raw ids
N, F, L = 64, 2, 6
raw = rng.integers(0, 5000, size=(N, F, L))
lens = rng.integers(1, L + 1, size=(N, F))
for i in range(N):
    for f in range(F):
        raw[i, f, lens[i, f]:] = -1
y = rng.integers(0, 3, size=N).astype(np.int64)
np.savez(os.path.join(HERE, "tags.npz"), X=raw.astype(np.int64), y=y)
