"""Writes the data sets of this folder (seeded): python3 make_data.py

    hetero.npz    X float (40, 3), y float (40, 1): a smooth mean with noise whose spread grows with x0
    counts.npz    X float (40, 3), y float (40, 1): over-dispersed counts with a log-linear mean
    bimodal.npz   X float (40, 2), y float (40, 1): two branches, the target on one or the other
    censored.npz  X float (40, 3), y float (40, 1): a noisy linear target clipped from above at 0.3
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(45)

X = rng.uniform(-1.5, 1.5, size=(40, 3))
mean = np.sin(1.2 * X[:, 0]) + 0.5 * X[:, 1]
y = mean + (0.2 + 0.4 * np.abs(X[:, 0])) * rng.standard_normal(40)
np.savez(here / "hetero.npz", X=X, y=y[:, None])

X = rng.normal(0.0, 0.7, size=(40, 3))
mu = np.exp(1.2 + 0.6 * X[:, 0] - 0.4 * X[:, 1])
y = rng.poisson(rng.gamma(2.0, mu / 2.0)).astype(float)
np.savez(here / "counts.npz", X=X, y=y[:, None])

X = rng.uniform(-1.0, 1.0, size=(40, 2))
branch = rng.random(40) < 0.5
y = np.where(branch, X[:, 0] + 1.0, -X[:, 0] - 1.0) + 0.3 * X[:, 1] + 0.15 * rng.standard_normal(40)
np.savez(here / "bimodal.npz", X=X, y=y[:, None])

X = rng.normal(0.0, 1.0, size=(40, 3))
y = np.minimum(0.8 * X[:, 0] - 0.5 * X[:, 2] + 0.5 * rng.standard_normal(40), 0.3)
np.savez(here / "censored.npz", X=X, y=y[:, None])
