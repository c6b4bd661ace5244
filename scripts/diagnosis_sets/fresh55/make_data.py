"""Writes the data sets of this folder (seeded): python3 make_data.py

    curve.npz    X float (40, 4), y float (40, 2): two smooth functions of the inputs
    blobs.npz    X float (40, 5), y one-hot (40, 3): three overlapping Gaussian clusters
    binary.npz   the same X, y float (40, 1): 1 for the first cluster, 0 for the others
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(55)

X = rng.uniform(-1.5, 1.5, size=(40, 4))
y = np.stack([np.sin(1.1 * X[:, 0]) + 0.5 * X[:, 1] * X[:, 3], np.tanh(X[:, 2] - 0.7 * X[:, 0]) + 0.3 * X[:, 1] ** 2],
             axis=1)
np.savez(here / "curve.npz", X=X, y=y)

centres = rng.normal(0.0, 1.2, size=(3, 5))
labels = rng.integers(0, 3, size=40)
X = centres[labels] + rng.normal(0.0, 1.0, size=(40, 5))
np.savez(here / "blobs.npz", X=X, y=np.eye(3)[labels])
np.savez(here / "binary.npz", X=X, y=(labels == 0).astype(float)[:, None])
