"""Writes the data sets of this folder (seeded): python3 make_data.py

    curve.npz    X float (48, 4), y float (48, 2): two smooth functions of the inputs
    blobs.npz    X float (40, 5), y one-hot (40, 3): three overlapping Gaussian clusters
    tokens.npz   X int64 (48, 5) windows of token ids over a vocabulary of 10, y one-hot (48, 4):
                 a class decided by which tokens the window holds (with some label noise)
    series.npz   X float (40, 6, 2) sequences of 6 steps with 2 features, y float (40, 1)
    waves.npz    X float (40, 10) noisy signals, y float (40, 1): the mean change between
                 neighbouring samples of each signal, squashed
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(26)

# regression curves
X = rng.uniform(-1.5, 1.5, size=(48, 4))
y = np.stack([np.sin(1.3 * X[:, 0]) + 0.4 * X[:, 1] * X[:, 2], np.tanh(X[:, 3] - X[:, 0]) + 0.2 * X[:, 1] ** 2], axis=1)
np.savez(here / "curve.npz", X=X, y=y)

# clusters
centres = rng.normal(0.0, 1.2, size=(3, 5))
labels = rng.integers(0, 3, size=40)
X = centres[labels] + rng.normal(0.0, 1.0, size=(40, 5))
np.savez(here / "blobs.npz", X=X, y=np.eye(3)[labels])

# token windows
X = rng.integers(0, 10, size=(48, 5))
score = np.stack([(X < 3).sum(1), ((X >= 3) & (X < 6)).sum(1), ((X >= 6) & (X < 8)).sum(1) * 1.5,
                  (X >= 8).sum(1) * 2.0], axis=1)
labels = score.argmax(axis=1)
noise = rng.random(48) < 0.15
labels[noise] = rng.integers(0, 4, size=noise.sum())
np.savez(here / "tokens.npz", X=X.astype(np.int64), y=np.eye(4)[labels])

# short sequences for a recurrent net
X = rng.standard_normal((40, 6, 2))
weights = 0.7 ** np.arange(6)[::-1]
y = np.tanh((X[:, :, 0] - 0.5 * X[:, :, 1] * X[:, :, 0]) @ weights / 1.5)[:, None]
np.savez(here / "series.npz", X=X, y=y)

# signals
base = np.cumsum(rng.normal(0.0, 0.5, size=(40, 10)), axis=1)
X = base + rng.normal(0.0, 0.2, size=(40, 10))
y = np.tanh(np.diff(X, axis=1).mean(axis=1) * 2.0)[:, None]
np.savez(here / "waves.npz", X=X, y=y)
