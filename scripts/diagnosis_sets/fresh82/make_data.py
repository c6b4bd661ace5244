"""Writes the data sets of this folder (seeded): python3 make_data.py

    tags.npz      X float (48, 12): twelve standardised features of each item;
                  y float (48, 6): six independent tags, 1 present, 0 absent, -1 unknown (about 15% of
                  the entries unlabelled; every row keeps at least two known tags). Tag prevalence
                  varies from rare to common, hence the per-tag positive weights of the models.
    hier.npz      X float (60, 10): ten features; y int64 (60,): one of twelve classes arranged as four
                  groups of three (class c is leaf c % 3 of group c // 3); the groups are far apart,
                  the leaves of a group close together.
    intents.npz   X float (40, 9): nine features; y int64 (40,): one of eight intents, each the noisy
                  neighbourhood of a prototype.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(82)

# ---------------------------------------------------------------- multi-label tags
n, d, n_tags = 48, 12, 6
X = rng.standard_normal((n, d))
B = rng.normal(0.0, 0.6, (d, n_tags))
shift = np.array([-1.6, -0.4, 0.2, -2.2, -1.0, 0.6])
logits = X @ B + shift + 0.5 * rng.standard_normal((n, n_tags))
Y = (logits > 0).astype(float)
unknown = rng.random((n, n_tags)) < 0.15
for i in range(n):
    while (~unknown[i]).sum() < 2:
        unknown[i, rng.integers(n_tags)] = False
Y[unknown] = -1.0
np.savez(here / "tags.npz", X=X.round(4), y=Y)

# ---------------------------------------------------------------- hierarchical classes
n, d, n_groups, group_size = 60, 10, 4, 3
group_centre = rng.normal(0.0, 1.5, (n_groups, d))
leaf_offset = rng.normal(0.0, 0.6, (n_groups, group_size, d))
y = rng.integers(0, n_groups * group_size, n)
X = group_centre[y // group_size] + leaf_offset[y // group_size, y % group_size] + 0.5 * rng.standard_normal((n, d))
np.savez(here / "hier.npz", X=X.round(4), y=y.astype(np.int64))

# ---------------------------------------------------------------- intents
n, d, n_classes = 40, 9, 8
proto = rng.normal(0.0, 1.0, (n_classes, d))
y = np.concatenate([np.arange(n_classes), rng.integers(0, n_classes, n - n_classes)])
rng.shuffle(y)
X = proto[y] + 0.6 * rng.standard_normal((n, d))
np.savez(here / "intents.npz", X=X.round(4), y=y.astype(np.int64))
print("tags known", (Y >= 0).mean().round(3), "positive", (Y == 1).sum(axis=0))
