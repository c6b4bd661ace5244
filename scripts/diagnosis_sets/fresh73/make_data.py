"""Writes the data sets of this folder (seeded): python3 make_data.py

Every set is padded to MAX_SET = 6 elements of 3 features; X is float (n, 6, 4): channels 0..2
the element's features, channel 3 the element's presence flag (1.0 a real element, 0.0
padding). Padding rows are all zeros. Each set holds 2 to 6 real elements, at the front.

    points.npz   X (40, 6, 4); y float (40, 1): a regression target per set, the sum over the
                 real elements of x0 * x1 plus half the largest x2, plus a little noise.
    bags.npz     X (36, 6, 4); y int64 (36,): a class 0..2 per set, from the mean of x0 over
                 the real elements and the set's size.
    outliers.npz X (40, 6, 4); y float (40, 1): 1.0 where the set holds an element far from the
                 set's own centre (one element shifted by 2.5 in x0 and x1), else 0.0.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(73)
MAX_SET, D = 6, 3


def padded_sets(n):
    X = np.zeros((n, MAX_SET, D + 1))
    sizes = rng.integers(2, MAX_SET + 1, size=n)
    for i, k in enumerate(sizes):
        X[i, :k, :D] = rng.normal(0.0, 1.0, (k, D))
        X[i, :k, D] = 1.0
    return X, sizes


# points: regression
X, sizes = padded_sets(40)
m = X[:, :, D]
target = (X[:, :, 0] * X[:, :, 1] * m).sum(axis=1) + 0.5 * np.where(m > 0, X[:, :, 2], -np.inf).max(axis=1)
target += 0.05 * rng.standard_normal(40)
np.savez(here / "points.npz", X=X, y=target[:, None])

# bags: three classes
X, sizes = padded_sets(36)
m = X[:, :, D]
mean0 = (X[:, :, 0] * m).sum(axis=1) / sizes
score = mean0 + 0.3 * (sizes - 4)
cls = np.digitize(score, np.quantile(score, [1 / 3, 2 / 3])).astype(np.int64)
np.savez(here / "bags.npz", X=X, y=cls)

# outliers: binary
X, sizes = padded_sets(40)
lab = np.zeros(40)
for i in range(40):
    if rng.random() < 0.5:
        j = rng.integers(0, sizes[i])
        X[i, j, :2] += 2.5 * np.sign(rng.standard_normal(2))
        lab[i] = 1.0
np.savez(here / "outliers.npz", X=X, y=lab[:, None])
print("points", X.shape, "bags classes", np.bincount(cls), "outliers positives", int(lab.sum()))
