"""Writes the data sets of this folder (seeded): python3 make_data.py

    regress.npz  X float (40, 4), y float (40, 1): a smooth function of the inputs plus noise
    binary.npz   X float (40, 5), y 0/1 (40, 1): an imbalanced binary task (about a quarter positive)
    three.npz    X float (45, 4), y one-hot (45, 3): three overlapping clusters of unequal size
    curve.npz    X float (36, 3), y float (36, 2): two smooth curves of the inputs
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(28)

# regression
X = rng.normal(0.0, 1.0, size=(40, 4))
y = (np.sin(X[:, 0]) + 0.5 * X[:, 1] * X[:, 2] - 0.3 * X[:, 3] + 0.1 * rng.normal(size=40))[:, None]
np.savez(here / "regress.npz", X=X, y=y)

# imbalanced binary
X = rng.normal(0.0, 1.0, size=(40, 5))
score = X[:, 0] - 0.8 * X[:, 1] + 0.5 * X[:, 2] * X[:, 3] + 0.3 * rng.normal(size=40)
y = (score > np.quantile(score, 0.75)).astype(float)[:, None]
np.savez(here / "binary.npz", X=X, y=y)

# three unequal clusters
counts = (24, 14, 7)
centres = rng.normal(0.0, 1.3, size=(3, 4))
labels = np.repeat(np.arange(3), counts)
rng.shuffle(labels)
X = centres[labels] + rng.normal(0.0, 1.0, size=(45, 4))
np.savez(here / "three.npz", X=X, y=np.eye(3)[labels])

# two curves
X = rng.uniform(-2.0, 2.0, size=(36, 3))
y = np.stack([np.tanh(X[:, 0] + 0.5 * X[:, 1]), 0.4 * X[:, 2] ** 2 - 0.3 * X[:, 0] * X[:, 1]], axis=1)
np.savez(here / "curve.npz", X=X, y=y)
