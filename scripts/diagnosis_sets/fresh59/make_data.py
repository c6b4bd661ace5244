"""Writes the data sets of this folder (seeded): python3 make_data.py

    curve.npz    X float (40, 5), y float (40, 2): two smooth functions of the inputs, with products
    blobs.npz    X float (36, 4), y one-hot (36, 3): three overlapping Gaussian clusters
    pairs.npz    X float (40, 8), two 4-d halves, y float 0/1 (40, 1): whether the halves agree
    bands.npz    X float (32, 4, 6): 4 channels of 6 positions, y float (32, 1)
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(59)

X = rng.uniform(-1.5, 1.5, size=(40, 5))
y = np.stack([np.sin(X[:, 0]) * X[:, 1] + 0.3 * X[:, 2], np.tanh(X[:, 3] * X[:, 4]) - 0.2 * X[:, 0]], axis=1)
np.savez(here / "curve.npz", X=X, y=y)

centres = rng.normal(0.0, 1.3, size=(3, 4))
labels = rng.integers(0, 3, size=36)
X = centres[labels] + rng.normal(0.0, 1.0, size=(36, 4))
np.savez(here / "blobs.npz", X=X, y=np.eye(3)[labels])

X = rng.standard_normal((40, 8))
agree = (X[:, :4] * X[:, 4:]).sum(axis=1) + 0.3 * rng.standard_normal(40)
np.savez(here / "pairs.npz", X=X, y=(agree > 0).astype(float)[:, None])

X = rng.standard_normal((32, 4, 6))
y = (X[:, 0].mean(axis=1) - 0.5 * X[:, 2, :3].sum(axis=1) + 0.2 * X[:, 3].max(axis=1))[:, None]
np.savez(here / "bands.npz", X=X, y=y)
