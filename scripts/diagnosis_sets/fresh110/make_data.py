"""Writes the data sets of this folder (seeded): python3 make_data.py

    imbalanced.npz  X float (48, 12): three Gaussian classes in twelve standardised features,
                    imbalanced (24 / 14 / 10 rows); y int64 (48,): the class labels with 20% of
                    them flipped uniformly to another class (symmetric label noise).
    asym.npz        X float (60, 8): four classes on a ring in eight features; y int64 (60,):
                    the labels with 30% asymmetric noise (a flipped label k becomes k + 1 mod 4).
    mixup.npz       X float (40, 10): mixup inputs precomputed, X = LAM * x + (1 - LAM) * x[perm]
                    with LAM = 0.7 and a fixed permutation perm of the 40 rows of a three-class set;
                    y int64 (40, 2): both label sets, column 0 the (noisy, 25% flipped) label of x,
                    column 1 the (noisy) label of x[perm]. The programs hold LAM = 0.7 themselves.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(110)


def standardise(X):
    return ((X - X.mean(axis=0)) / X.std(axis=0)).round(4)


# ---------------------------------------------------------------- imbalanced, symmetric noise
counts, d = (24, 14, 10), 12
centres = rng.normal(0.0, 1.2, (3, d))
X = np.concatenate([centres[k] + rng.standard_normal((c, d)) for k, c in enumerate(counts)])
y = np.concatenate([np.full(c, k) for k, c in enumerate(counts)]).astype(np.int64)
order = rng.permutation(len(y))
X, y = X[order], y[order]
flip = rng.random(len(y)) < 0.2
y[flip] = (y[flip] + rng.integers(1, 3, flip.sum())) % 3
np.savez(here / "imbalanced.npz", X=standardise(X), y=y)

# ---------------------------------------------------------------- ring, asymmetric noise
n, d, k = 60, 8, 4
labels = rng.integers(0, k, n).astype(np.int64)
angle = 2 * np.pi * labels / k + rng.normal(0.0, 0.5, n)
proj = rng.normal(0.0, 1.0, (2, d))
X = np.stack([np.cos(angle), np.sin(angle)], axis=1) @ proj + 0.5 * rng.standard_normal((n, d))
noisy = labels.copy()
flip = rng.random(n) < 0.3
noisy[flip] = (noisy[flip] + 1) % k
np.savez(here / "asym.npz", X=standardise(X), y=noisy)

# ---------------------------------------------------------------- mixup, both label sets
n, d, k, LAM = 40, 10, 3, 0.7
labels = rng.integers(0, k, n).astype(np.int64)
centres = rng.normal(0.0, 1.5, (k, d))
x = standardise(centres[labels] + rng.standard_normal((n, d)))
flip = rng.random(n) < 0.25
labels[flip] = (labels[flip] + rng.integers(1, k, flip.sum())) % k
perm = rng.permutation(n)
X = (LAM * x + (1 - LAM) * x[perm]).round(4)
np.savez(here / "mixup.npz", X=X, y=np.stack([labels, labels[perm]], axis=1).astype(np.int64))
print("labels", np.bincount(y), np.bincount(noisy), np.bincount(labels))
