"""Writes the data sets of this folder (seeded): python3 make_data.py

    banana.npz   X float (48, 2): a bent two-dimensional cloud (x2 depends on x1 squared), y float (48, 1) zeros
                 (density models ignore the target)
    blobs2d.npz  X float (40, 2): two Gaussian blobs with different spreads, y float (40, 1) zeros
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(52)

a = rng.normal(0.0, 1.0, size=48)
X = np.stack([1.5 * a + 0.5, 0.6 * a ** 2 - 0.3 + rng.normal(0.0, 0.4, size=48)], axis=1)
np.savez(here / "banana.npz", X=X, y=np.zeros((48, 1)))

side = rng.integers(0, 2, size=40)
X = np.where(side[:, None] == 1, [1.2, -0.8], [-0.7, 0.9]) + rng.normal(0.0, 1.0, size=(40, 2)) * np.where(
    side[:, None] == 1, [0.5, 1.1], [1.3, 0.6])
np.savez(here / "blobs2d.npz", X=X, y=np.zeros((40, 1)))
