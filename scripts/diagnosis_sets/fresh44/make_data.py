"""Writes the data sets of this folder (seeded): python3 make_data.py

    tasks.npz    X float (40, 4), y float (40, 5): column 0 a regression target, columns 1..3 a
                 one-hot class, column 4 a 0/1 mask (1 where the regression target was measured)
    experts.npz  X float (40, 3), y float (40, 1): a piecewise target, a different linear rule
                 in each region of the input (for a mixture of experts)
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(44)

X = rng.normal(0.0, 1.0, size=(40, 4))
reg = np.sin(X[:, 0]) + 0.5 * X[:, 1] * X[:, 2]
labels = (X[:, :3] + 0.5 * rng.normal(size=(40, 3))).argmax(axis=1)
mask = (rng.random(40) < 0.6).astype(float)
np.savez(here / "tasks.npz", X=X, y=np.column_stack([reg, np.eye(3)[labels], mask]))

X = rng.uniform(-2.0, 2.0, size=(40, 3))
y = np.where(X[:, 0] > 0, 1.5 * X[:, 1] - X[:, 2], 0.5 * X[:, 2] + X[:, 0])[:, None]
np.savez(here / "experts.npz", X=X, y=y)
