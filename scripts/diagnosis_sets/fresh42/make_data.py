"""Writes the data sets of this folder (seeded): python3 make_data.py

    blobs.npz    X float (36, 5), y one-hot (36, 3): three overlapping Gaussian clusters
    curve.npz    X float (36, 4), y float (36, 2): two smooth functions of the inputs
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(42)

centres = rng.normal(0.0, 1.2, size=(3, 5))
labels = rng.integers(0, 3, size=36)
X = centres[labels] + rng.normal(0.0, 1.0, size=(36, 5))
np.savez(here / "blobs.npz", X=X, y=np.eye(3)[labels])

X = rng.uniform(-1.5, 1.5, size=(36, 4))
y = np.stack([np.sin(1.3 * X[:, 0]) + 0.4 * X[:, 1] * X[:, 2], np.tanh(X[:, 3] - X[:, 0]) + 0.2 * X[:, 1] ** 2], axis=1)
np.savez(here / "curve.npz", X=X, y=y)
