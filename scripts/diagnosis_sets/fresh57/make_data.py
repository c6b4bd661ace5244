"""Writes the data sets of this folder (seeded): python3 make_data.py

    reg.npz    X float (32, 4), y float (32, 2): two smooth functions of the inputs
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(57)

X = rng.uniform(-1.5, 1.5, size=(32, 4))
y = np.stack([np.sin(1.1 * X[:, 0]) + 0.5 * X[:, 1] * X[:, 2], np.tanh(X[:, 3] - X[:, 0]) + 0.3 * X[:, 1] ** 2], axis=1)
np.savez(here / "reg.npz", X=X, y=y)
