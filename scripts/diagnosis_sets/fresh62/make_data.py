"""Writes the data sets of this folder (seeded): python3 make_data.py

    inbatch.npz   X int64 (24, 2) interactions (user id 0..11, item id 0..9), y float (24, 1) ones
                  (the click itself; in-batch softmax models read only X)
    sampled.npz   X int64 (24, 6): user id, positive item id, four sampled negative item ids (some of
                  them the positive itself: accidental hits), y float (24, 1) ones
    implicit.npz  X int64 (12, 1) user ids 0..11, y float (12, 10): each user's interaction counts
                  with the 10 items (mostly 0, some 1..3)
    ratings.npz   X int64 (30, 2) (user id 0..7, item id 0..5), y float (30, 1) ratings 1..5
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(62)

pop = np.array([9, 7, 6, 5, 4, 3, 3, 2, 2, 1], dtype=float)
pop /= pop.sum()

users = rng.integers(0, 12, size=24)
items = rng.choice(10, size=24, p=pop)
np.savez(here / "inbatch.npz", X=np.stack([users, items], axis=1).astype(np.int64), y=np.ones((24, 1)))

users = rng.integers(0, 12, size=24)
pos = rng.choice(10, size=24, p=pop)
negs = rng.integers(0, 10, size=(24, 4))
X = np.concatenate([users[:, None], pos[:, None], negs], axis=1).astype(np.int64)
np.savez(here / "sampled.npz", X=X, y=np.ones((24, 1)))

counts = rng.poisson(0.6, size=(12, 10)).clip(0, 3).astype(float)
np.savez(here / "implicit.npz", X=np.arange(12, dtype=np.int64)[:, None], y=counts)

users = rng.integers(0, 8, size=30)
items = rng.integers(0, 6, size=30)
ratings = np.clip(np.round(3.2 + 0.8 * rng.standard_normal(30)), 1, 5)
np.savez(here / "ratings.npz", X=np.stack([users, items], axis=1).astype(np.int64), y=ratings[:, None])
