"""Writes the data sets of this folder (seeded): python3 make_data.py

    curve.npz    X float (40, 3), y float (40, 1): a smooth function of the inputs
    hetero.npz   X float (40, 3), y float (40, 1): a noisy target whose spread grows with |x0|
    wide.npz     X float (40, 4) of large magnitude (std 6), y 0/1 (40, 1) with 30% label noise:
                 logits saturate, some of them on the wrong side
    blobs.npz    X float (45, 4), y one-hot (45, 3): three overlapping Gaussian clusters
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(36)

X = rng.uniform(-1.5, 1.5, size=(40, 3))
y = (np.sin(1.5 * X[:, 0]) + 0.5 * X[:, 1] * X[:, 2])[:, None]
np.savez(here / "curve.npz", X=X, y=y)

X = rng.uniform(-1.5, 1.5, size=(40, 3))
y = (0.8 * X[:, 0] - 0.4 * X[:, 1] + rng.normal(0.0, 0.2 + 0.6 * np.abs(X[:, 0])))[:, None]
np.savez(here / "hetero.npz", X=X, y=y)

X = rng.normal(0.0, 6.0, size=(40, 4))
labels = (X[:, 0] + 0.5 * X[:, 1] > 0).astype(float)
flip = rng.random(40) < 0.3
labels[flip] = 1.0 - labels[flip]
np.savez(here / "wide.npz", X=X, y=labels[:, None])

centres = rng.normal(0.0, 1.2, size=(3, 4))
labels = rng.integers(0, 3, size=45)
X = centres[labels] + rng.normal(0.0, 1.0, size=(45, 4))
np.savez(here / "blobs.npz", X=X, y=np.eye(3)[labels])
