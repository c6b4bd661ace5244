"""Writes the data of this folder (seeded): python3 make_data.py

    reg.npz    X float (32, 4), y float (32, 2): two smooth functions of the inputs
    cls.npz    X float (36, 4), y one-hot (36, 3): three overlapping Gaussian clusters
    mask.npz   mask float (8, 8) of 0/1, about half kept: the fixed pruning mask of the pruned
               networks' hidden weight, in the NumPy (in, out) layout (not training data: the
               programs load it themselves)
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(49)

X = rng.uniform(-1.5, 1.5, size=(32, 4))
y = np.stack([np.sin(1.2 * X[:, 0]) + 0.5 * X[:, 1] * X[:, 2], np.tanh(X[:, 3] - X[:, 1])], axis=1)
np.savez(here / "reg.npz", X=X, y=y)

centres = rng.normal(0.0, 1.3, size=(3, 4))
labels = rng.integers(0, 3, size=36)
X = centres[labels] + rng.normal(0.0, 1.0, size=(36, 4))
np.savez(here / "cls.npz", X=X, y=np.eye(3)[labels])

mask = (rng.random((8, 8)) < 0.5).astype(float)
np.savez(here / "mask.npz", mask=mask)
