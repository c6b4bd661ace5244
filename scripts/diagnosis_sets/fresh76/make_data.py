"""Writes the data sets of this folder (seeded): python3 make_data.py

    survey.npz    X float (36, 8): a complete table of eight standardised survey answers (a
                  rank-2 signal plus noise), including the entries the models may not see;
                  y float (36, 8): the 0/1 observation mask (about 70% observed, at least two
                  observed answers in every row). Models train only on the observed entries.
    ratings.npz   X float (24, 10): a complete user x item ratings matrix on 1..5 (rank-3 signal,
                  rounded); y float (24, 10): the 0/1 mask of the ratings that were observed (about
                  half, at least two per user and one per item).
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(76)

# ---------------------------------------------------------------- survey table
n, d = 36, 8
z = rng.standard_normal((n, 2))
load = rng.normal(0.0, 1.0, (2, d))
table = z @ load + 0.3 * rng.standard_normal((n, d))
table = (table - table.mean(axis=0)) / table.std(axis=0)
mask = (rng.random((n, d)) < 0.7).astype(float)
for i in range(n):
    if mask[i].sum() < 2:
        mask[i, rng.choice(d, size=2, replace=False)] = 1.0
np.savez(here / "survey.npz", X=table.round(3), y=mask)

# ---------------------------------------------------------------- ratings matrix
n_users, n_items = 24, 10
u = rng.normal(0.0, 0.8, (n_users, 3))
v = rng.normal(0.0, 0.8, (n_items, 3))
ratings = np.clip(np.round(3.2 + u @ v.T + 0.4 * rng.standard_normal((n_users, n_items))), 1, 5)
obs = (rng.random((n_users, n_items)) < 0.5).astype(float)
for i in range(n_users):
    if obs[i].sum() < 2:
        obs[i, rng.choice(n_items, size=2, replace=False)] = 1.0
for j in range(n_items):
    if obs[:, j].sum() < 1:
        obs[rng.integers(n_users), j] = 1.0
np.savez(here / "ratings.npz", X=ratings, y=obs)
print("survey observed", mask.mean().round(3), "ratings observed", obs.mean().round(3))
