"""Writes the data sets of this folder (seeded): python3 make_data.py

    hetero.npz    X float (40, 3), y float (40, 1): a smooth function plus noise whose spread grows with x0
    multi.npz     X float (40, 4), y float (40, 2): two smooth functions of the inputs (a two-output head)
    scaled.npz    X float (40, 4), y float (40, 2): the same kind of targets on raw scales (means 3 and -1.5,
                  spreads 2 and 0.5), for programs that standardise their targets
    weighted.npz  X float (40, 4), y float (40, 1): three features and, in the last column, each row's
                  sample weight (in [0.2, 3])
    quantile.npz  X float (40, 3), y float (40, 1): skewed noise around a trend, for quantile heads
    resid.npz     X float (40, 6), y float (40, 1): six features, one target (residual MLPs of width 6)
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(30)

X = rng.uniform(-1.0, 1.0, size=(40, 3))
y = (np.sin(2.0 * X[:, 0]) + 0.5 * X[:, 1] + rng.normal(0.0, 0.1 + 0.4 * (X[:, 0] + 1.0), 40))[:, None]
np.savez(here / "hetero.npz", X=X, y=y)

X = rng.uniform(-1.5, 1.5, size=(40, 4))
y = np.stack([np.sin(X[:, 0]) + 0.3 * X[:, 1] * X[:, 2], np.tanh(X[:, 3] - 0.5 * X[:, 0]) + 0.1 * X[:, 2] ** 2],
             axis=1)
np.savez(here / "multi.npz", X=X, y=y)

X = rng.uniform(-1.5, 1.5, size=(40, 4))
y = np.stack([3.0 + 2.0 * np.sin(X[:, 0] + X[:, 1]), -1.5 + 0.5 * np.tanh(X[:, 2] - X[:, 3])], axis=1)
np.savez(here / "scaled.npz", X=X, y=y)

F = rng.normal(0.0, 1.0, size=(40, 3))
w = rng.uniform(0.2, 3.0, size=40)
y = (0.8 * F[:, 0] - 0.4 * F[:, 1] * F[:, 2] + rng.normal(0.0, 0.2, 40))[:, None]
np.savez(here / "weighted.npz", X=np.column_stack([F, w]), y=y)

X = rng.uniform(-1.0, 1.0, size=(40, 3))
y = (X[:, 0] - 0.5 * X[:, 1] + rng.gamma(2.0, 0.3, 40) - 0.6)[:, None]
np.savez(here / "quantile.npz", X=X, y=y)

X = rng.normal(0.0, 1.0, size=(40, 6))
y = np.tanh(X[:, :3].sum(axis=1) - 0.5 * X[:, 3] * X[:, 4])[:, None]
np.savez(here / "resid.npz", X=X, y=y)
