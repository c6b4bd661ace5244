"""Writes the data sets of this folder (seeded): python3 make_data.py

    tokens.npz   X int64 (48, 4) ids over a vocabulary of 10, y one-hot (48, 3): the class of a
                 sequence is decided by a random linear teacher over its bag of tokens
    series.npz   X float (40, 6, 3) sequences of 6 steps, y float (40, 1): a damped sum
    signals.npz  X float (36, 2, 12) two-channel signals of length 12, y one-hot (36, 3)
    table.npz    X float (48, 5), y one-hot (48, 3) from a random linear teacher
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(19)

# token sequences
X = rng.integers(0, 10, size=(48, 4))
bag = np.zeros((48, 10))
np.add.at(bag, (np.arange(48)[:, None], X), 1.0)
labels = (bag @ rng.standard_normal((10, 3))).argmax(axis=1)
np.savez(here / "tokens.npz", X=X.astype(np.int64), y=np.eye(3)[labels])

# sequences for a recurrent net
X = rng.standard_normal((40, 6, 3))
weights = 0.7 ** np.arange(6)[::-1]
y = np.tanh((X[:, :, 0] - 0.5 * X[:, :, 1]) @ weights / 2.0)[:, None]
np.savez(here / "series.npz", X=X, y=y)

# two-channel signals for a 1-d convolution
X = rng.standard_normal((36, 2, 12))
labels = (np.abs(np.diff(X[:, 0], axis=1)).mean(axis=1) > 1.1).astype(int) + (X[:, 1].mean(axis=1) > 0).astype(int)
np.savez(here / "signals.npz", X=X, y=np.eye(3)[labels])

# plain feature vectors, one-hot classes
X = rng.standard_normal((48, 5))
labels = (X @ rng.standard_normal((5, 3))).argmax(axis=1)
np.savez(here / "table.npz", X=X, y=np.eye(3)[labels])
