"""Writes the data sets of this folder (seeded): python3 make_data.py

    ratings.npz   X float (40, 4), y float (40, 1): scores in [1, 5]
    monotone.npz  X float (40, 3) in [0, 1], y float (40, 1): increasing in every input
    positive.npz  X float (40, 4), y float (40, 1): positive amounts
    blobs.npz     X float (36, 4), y one-hot (36, 3): three overlapping clusters
    bounded.npz   X float (40, 4), y float (40, 1): values in (-3, 3)
    counts.npz    X float (40, 4), y float (40, 1): Poisson counts, some large
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(54)

X = rng.normal(size=(40, 4))
y = 1 + 4 / (1 + np.exp(-(X[:, :1] - 0.5 * X[:, 1:2] + 0.3 * X[:, 2:3] * X[:, 3:4])))
np.savez(here / "ratings.npz", X=X, y=y)

X = rng.uniform(0, 1, size=(40, 3))
y = (np.tanh(2 * X[:, :1]) + X[:, 1:2] ** 2 + 0.5 * X[:, 2:3])
np.savez(here / "monotone.npz", X=X, y=y)

X = rng.normal(size=(40, 4))
y = np.log1p(np.exp(1.5 * X[:, :1] - X[:, 1:2])) + 0.2
np.savez(here / "positive.npz", X=X, y=y)

centres = rng.normal(0.0, 1.2, size=(3, 4))
labels = rng.integers(0, 3, size=36)
X = centres[labels] + rng.normal(0.0, 1.0, size=(36, 4))
np.savez(here / "blobs.npz", X=X, y=np.eye(3)[labels])

X = rng.normal(size=(40, 4))
y = 2.9 * np.tanh(1.5 * X[:, :1] + X[:, 1:2] - X[:, 3:4])
np.savez(here / "bounded.npz", X=X, y=y)

X = rng.normal(size=(40, 4))
y = rng.poisson(np.exp(1.0 + 0.9 * X[:, :1] - 0.5 * X[:, 1:2])).astype(float)
np.savez(here / "counts.npz", X=X, y=y)
