"""Writes the data sets of this folder (seeded): python3 make_data.py

Each row holds two augmented views of one tabular sample side by side: the first d columns are
view A, the next d columns view B. A sample is a cluster centre plus noise; each view rescales
every feature by a random factor in [0.8, 1.2], adds Gaussian jitter (sd 0.2) and zeroes about
15% of the features (feature dropout). The augmentations are drawn here once, with a fixed seed.

    views.npz        X float (32, 12): two views of d = 6 features; y float (32, 1): the
                     sample index (the losses ignore it, the positive pair is the row itself).
    views_wide.npz   X float (24, 20): two views of d = 10 features; y float (24, 1): a dummy
                     column of zeros.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(106)


def augment(x):
    scale = rng.uniform(0.8, 1.2, size=x.shape)
    jitter = 0.2 * rng.standard_normal(x.shape)
    keep = rng.random(x.shape) > 0.15
    return (x * scale + jitter) * keep


def two_views(n, d, clusters):
    centres = rng.normal(0.0, 1.5, (clusters, d))
    member = rng.integers(clusters, size=n)
    base = centres[member] + 0.5 * rng.standard_normal((n, d))
    return np.hstack([augment(base), augment(base)]).round(4)


X = two_views(32, 6, 4)
np.savez(here / "views.npz", X=X, y=np.arange(32, dtype=float)[:, None])

X = two_views(24, 10, 3)
np.savez(here / "views_wide.npz", X=X, y=np.zeros((24, 1)))
print("views", X.shape, "written")
