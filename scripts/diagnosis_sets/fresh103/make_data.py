"""Writes the data sets of this folder (seeded): python3 make_data.py

Every row of X is one bag of instances stored flat, instance after instance (instance b's
features are columns b*D .. b*D + D - 1); y is one label per bag.

    bags.npz      X float (40, 30): bags of B = 6 instances of D = 5 features, every bag full;
                  y float (40,): 1 when the bag holds at least one "key" instance (features 0
                  and 1 shifted up), else 0 (about half positive).
    padded3.npz   X float (36, 35): bags of up to B = 7 instances of D = 4 features (28
                  columns, padded instances all zero) followed by the 0/1 instance mask in the
                  last 7 columns (3 to 7 real instances per bag, real ones first);
                  y int64 (36,): class 0 (no key instance), 1 (a key of the first kind, feature
                  0 up and 1 down) or 2 (a key of the second kind, features 2 and 3 up).
    padded_bin.npz X float (32, 56): bags of up to B = 8 instances of D = 6 features (48
                  columns, padding zero) followed by the 0/1 instance mask in the last 8 columns
                  (2 to 8 real instances per bag); y float (32,): 1 for a bag with a key
                  instance (about a third of the bags), else 0.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(103)

# ---------------------------------------------------------------- full bags, binary
n, B, D = 40, 6, 5
bags = rng.standard_normal((n, B, D))
y = (rng.random(n) < 0.5).astype(float)
for i in range(n):
    if y[i] == 1.0:
        k = rng.integers(1, 3)
        idx = rng.choice(B, size=k, replace=False)
        bags[i, idx, 0] += 1.5
        bags[i, idx, 1] += 1.5
np.savez(here / "bags.npz", X=bags.reshape(n, B * D).round(3), y=y)

# ---------------------------------------------------------------- padded bags, three classes
n, B, D = 36, 7, 4
bags = np.zeros((n, B, D))
mask = np.zeros((n, B))
y3 = rng.integers(0, 3, n)
for i in range(n):
    cnt = rng.integers(3, B + 1)
    bags[i, :cnt] = rng.standard_normal((cnt, D))
    mask[i, :cnt] = 1.0
    if y3[i] > 0:
        j = rng.integers(0, cnt)
        if y3[i] == 1:
            bags[i, j, 0] += 1.8
            bags[i, j, 1] -= 1.8
        else:
            bags[i, j, 2] += 1.8
            bags[i, j, 3] += 1.8
np.savez(here / "padded3.npz", X=np.concatenate([bags.reshape(n, B * D).round(3), mask], axis=1),
         y=y3.astype(np.int64))

# ---------------------------------------------------------------- padded bags, binary, imbalanced
n, B, D = 32, 8, 6
bags = np.zeros((n, B, D))
mask = np.zeros((n, B))
yb = (rng.random(n) < 0.33).astype(float)
for i in range(n):
    cnt = rng.integers(2, B + 1)
    bags[i, :cnt] = rng.standard_normal((cnt, D))
    mask[i, :cnt] = 1.0
    if yb[i] == 1.0:
        j = rng.integers(0, cnt)
        bags[i, j, :3] += 1.6
np.savez(here / "padded_bin.npz", X=np.concatenate([bags.reshape(n, B * D).round(3), mask], axis=1), y=yb)
print("bags positive", y.mean().round(3), "padded3 classes", np.bincount(y3),
      "padded_bin positive", yb.mean().round(3))
