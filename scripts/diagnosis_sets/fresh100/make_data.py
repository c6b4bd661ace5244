"""Writes the data sets of this folder (seeded): python3 make_data.py

    pairs.npz     X float (48, 16): 48 pairs of points, each row the two 8-feature points side by
                  side, [x1 | x2] (columns 0-7 and 8-15), drawn from four Gaussian classes;
                  y float (48,): 1 where the two points share a class (a similar pair), 0 where
                  they do not (half each).
    points.npz    X float (40, 10): 40 points of five classes, ten standardised features;
                  y int (40, 3): triplets as row indices into X, (anchor, positive, negative),
                  the positive of the anchor's class and a different point, the negative of
                  another class.
    triplets.npz  X float (60, 18): 60 triplets stored as column blocks, [anchor | positive |
                  negative], six features each (columns 0-5, 6-11, 12-17), from six classes whose
                  centres differ mostly in direction; y float (60,): the anchor's class (a label
                  kept with the data, not used by the loss).
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(100)

# ---------------------------------------------------------------- siamese pairs
d = 8
centres = rng.normal(0.0, 1.2, (4, d))
n_pairs = 48
X = np.zeros((n_pairs, 2 * d))
y = np.zeros(n_pairs)
for i in range(n_pairs):
    c1 = rng.integers(4)
    same = i % 2 == 0
    c2 = c1 if same else (c1 + rng.integers(1, 4)) % 4
    X[i, :d] = centres[c1] + 0.8 * rng.standard_normal(d)
    X[i, d:] = centres[c2] + 0.8 * rng.standard_normal(d)
    y[i] = 1.0 if same else 0.0
np.savez(here / "pairs.npz", X=X.round(4), y=y)

# ---------------------------------------------------------------- points and index triplets
d, n, k = 10, 40, 5
labels = np.repeat(np.arange(k), n // k)
rng.shuffle(labels)
cent = rng.normal(0.0, 1.0, (k, d))
P = cent[labels] + 0.9 * rng.standard_normal((n, d))
P = (P - P.mean(axis=0)) / P.std(axis=0)
idx = np.zeros((n, 3), dtype=np.int64)
for i in range(n):
    same = np.flatnonzero((labels == labels[i]) & (np.arange(n) != i))
    other = np.flatnonzero(labels != labels[i])
    idx[i] = (i, rng.choice(same), rng.choice(other))
np.savez(here / "points.npz", X=P.round(4), y=idx)

# ---------------------------------------------------------------- triplets as column blocks
d, n, k = 6, 60, 6
dirs = rng.standard_normal((k, d))
dirs /= np.linalg.norm(dirs, axis=1, keepdims=True)
def draw(c):
    return dirs[c] * rng.uniform(0.5, 2.0) + 0.45 * rng.standard_normal(d)
X = np.zeros((n, 3 * d))
y = np.zeros(n)
for i in range(n):
    c = rng.integers(k)
    cn = (c + rng.integers(1, k)) % k
    X[i] = np.concatenate([draw(c), draw(c), draw(cn)])
    y[i] = c
np.savez(here / "triplets.npz", X=X.round(4), y=y)
print("written pairs.npz, points.npz, triplets.npz")
