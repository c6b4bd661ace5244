"""Writes the data sets of this folder (seeded): python3 make_data.py

    blobs.npz    X float (48, 6), y one-hot (48, 3): three overlapping Gaussian clusters
    curve.npz    X float (40, 4), y float (40, 2): two smooth functions of the inputs
    binary.npz   X float (40, 5), y float (40, 1) in {0, 1}: a noisy non-linear boundary
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(34)

# clusters
centres = rng.normal(0.0, 1.3, size=(3, 6))
labels = rng.integers(0, 3, size=48)
X = centres[labels] + rng.normal(0.0, 1.0, size=(48, 6))
np.savez(here / "blobs.npz", X=X, y=np.eye(3)[labels])

# regression curves
X = rng.uniform(-1.5, 1.5, size=(40, 4))
y = np.stack([np.sin(1.2 * X[:, 0]) + 0.5 * X[:, 1] * X[:, 3], np.tanh(X[:, 2] - X[:, 1]) + 0.3 * X[:, 0] ** 2],
             axis=1)
np.savez(here / "curve.npz", X=X, y=y)

# binary labels
X = rng.normal(0.0, 1.0, size=(40, 5))
score = X[:, 0] * X[:, 1] + np.sin(X[:, 2]) - 0.5 * X[:, 3] + 0.3 * rng.normal(size=40)
np.savez(here / "binary.npz", X=X, y=(score > 0).astype(float)[:, None])
