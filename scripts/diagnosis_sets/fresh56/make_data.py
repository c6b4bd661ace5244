"""Writes the data sets of this folder (seeded): python3 make_data.py

    bumps.npz    X float (40, 2), y float (40, 1): a sum of two Gaussian bumps plus noise (the RBF nets)
    rings.npz    X float (40, 2), y one-hot (40, 3): three classes by radius and angle (the Fourier net)
    cubic.npz    X float (40, 3), y float (40, 1): a cubic polynomial with interactions (the polynomial net)
    ridge.npz    X float (40, 3), y float (40, 1): a ridge of the inputs (the Gaussian-bump net)
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(56)

X = rng.uniform(-2.0, 2.0, size=(40, 2))
y = (np.exp(-((X - [0.8, -0.5]) ** 2).sum(1) / 0.8) - 0.7 * np.exp(-((X + [0.6, -0.9]) ** 2).sum(1) / 1.2))[:, None]
np.savez(here / "bumps.npz", X=X, y=y + rng.normal(0.0, 0.05, size=y.shape))

X = rng.uniform(-1.5, 1.5, size=(40, 2))
r, a = np.hypot(X[:, 0], X[:, 1]), np.arctan2(X[:, 1], X[:, 0])
labels = np.where(r < 0.8, 0, np.where(np.sin(2 * a) > 0, 1, 2))
np.savez(here / "rings.npz", X=X, y=np.eye(3)[labels])

X = rng.uniform(-1.0, 1.0, size=(40, 3))
y = (0.5 * X[:, 0] ** 3 - X[:, 1] * X[:, 2] + 0.3 * X[:, 0] * X[:, 1] + 0.2 * X[:, 2])[:, None]
np.savez(here / "cubic.npz", X=X, y=y)

X = rng.normal(0.0, 1.0, size=(40, 3))
y = np.exp(-(X @ [0.7, -0.4, 0.3]) ** 2)[:, None] - 0.3 * np.tanh(X[:, 2:3])
np.savez(here / "ridge.npz", X=X, y=y)
