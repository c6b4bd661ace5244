"""Writes the data sets of this folder (seeded): python3 make_data.py

    ratings.npz   X int64 (96, 2): (user id, item id) of explicit ratings, 20 users and 30 items,
                  each user rating several items (ids repeat inside every batch);
                  y float (96,): the rating on 1..5 (a rank-3 signal with user and item offsets,
                  rounded).
    triples.npz   X int64 (80, 3): BPR triples (user id, positive item id, sampled negative item
                  id), 16 users and 24 items, the negative never one of the user's positives;
                  y float (80,): a confidence weight per interaction, 1 + log(1 + count) of a
                  simulated play count (1 to about 3).
    slates.npz    X int64 (60, 6): (user id, positive item id, four pre-sampled negative item ids),
                  24 users and 40 items; y int64 (60,): the class of the positive among the five
                  candidates, always 0 (the positive comes first).
    side.npz      user_feats float (24, 3) and item_feats float (40, 4): the standardised side
                  features of the two-tower model's users and items (read by the programs, not
                  passed as data).
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(119)

# ---------------------------------------------------------------- explicit ratings
n_users, n_items, n = 20, 30, 96
u_f = rng.normal(0.0, 0.7, (n_users, 3))
i_f = rng.normal(0.0, 0.7, (n_items, 3))
u_off = rng.normal(0.0, 0.4, n_users)
i_off = rng.normal(0.0, 0.4, n_items)
users = np.concatenate([np.arange(n_users), rng.integers(0, n_users, n - n_users)])
rng.shuffle(users)
items = rng.integers(0, n_items, n)
r = 3.4 + u_off[users] + i_off[items] + (u_f[users] * i_f[items]).sum(1) + 0.3 * rng.standard_normal(n)
ratings = np.clip(np.round(r), 1, 5)
np.savez(here / "ratings.npz", X=np.stack([users, items], 1).astype(np.int64), y=ratings.astype(float))

# ---------------------------------------------------------------- BPR triples
n_users, n_items, n = 16, 24, 80
pref = rng.normal(0.0, 1.0, (n_users, 3)) @ rng.normal(0.0, 1.0, (3, n_items))
users = np.concatenate([np.arange(n_users), rng.integers(0, n_users, n - n_users)])
rng.shuffle(users)
pos, neg = np.zeros(n, int), np.zeros(n, int)
for k, uu in enumerate(users):
    top = np.argsort(-pref[uu])[:8]
    pos[k] = rng.choice(top)
    rest = np.setdiff1d(np.arange(n_items), top)
    neg[k] = rng.choice(rest)
counts = rng.poisson(3.0, n)
w = 1.0 + np.log1p(counts)
np.savez(here / "triples.npz", X=np.stack([users, pos, neg], 1).astype(np.int64), y=w.round(4))

# ---------------------------------------------------------------- candidate slates
n_users, n_items, n, k_neg = 24, 40, 60, 4
users = np.concatenate([np.arange(n_users), rng.integers(0, n_users, n - n_users)])
rng.shuffle(users)
X = np.zeros((n, 1 + 1 + k_neg), np.int64)
X[:, 0] = users
for k, uu in enumerate(users):
    cand = rng.choice(n_items, size=1 + k_neg, replace=False)
    X[k, 1:] = cand
np.savez(here / "slates.npz", X=X, y=np.zeros(n, np.int64))

user_feats = rng.standard_normal((24, 3)).round(3)
item_feats = rng.standard_normal((40, 4)).round(3)
np.savez(here / "side.npz", user_feats=user_feats, item_feats=item_feats)
print("ratings mean", ratings.mean().round(3), "weights", w.min().round(3), w.max().round(3))
