"""Writes the data sets of this folder (seeded): python3 make_data.py

    moons4.npz    X float (48, 4): a two-moons curve in the first two features and two more
                  features that are a noisy non-linear function of them (standardised);
                  y float (48, 1): zeros, unused (a density model has no target).
    blobs6.npz    X float (40, 6): two correlated Gaussian blobs in six features with a
                  quadratic bend in the last two (standardised); y float (40, 1): zeros, unused.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(96)

# ---------------------------------------------------------------- moons in 4-D
n = 48
theta = rng.uniform(0.0, np.pi, n)
side = rng.integers(0, 2, n)
a = np.where(side == 0, np.cos(theta), 1.0 - np.cos(theta))
b = np.where(side == 0, np.sin(theta), 0.5 - np.sin(theta))
a += 0.08 * rng.standard_normal(n)
b += 0.08 * rng.standard_normal(n)
c = a * b + 0.2 * rng.standard_normal(n)
d = np.sin(2.0 * a) - 0.5 * b + 0.2 * rng.standard_normal(n)
X = np.stack([a, b, c, d], axis=1)
X = (X - X.mean(axis=0)) / X.std(axis=0)
np.savez(here / "moons4.npz", X=X.round(4), y=np.zeros((n, 1)))

# ---------------------------------------------------------------- blobs in 6-D
n = 40
centers = rng.normal(0.0, 1.5, (2, 4))
lab = rng.integers(0, 2, n)
L = np.tril(rng.normal(0.0, 0.5, (4, 4))) + np.eye(4)
base = centers[lab] + rng.standard_normal((n, 4)) @ L.T
e = base[:, 0] ** 2 * 0.3 + 0.3 * rng.standard_normal(n)
f = base[:, 1] * base[:, 2] * 0.2 + 0.3 * rng.standard_normal(n)
X = np.column_stack([base, e, f])
X = (X - X.mean(axis=0)) / X.std(axis=0)
np.savez(here / "blobs6.npz", X=X.round(4), y=np.zeros((n, 1)))
print("written")
