"""Writes the data sets of this folder (seeded): python3 make_data.py

    tokens.npz   X int64 (48, 4) windows of token ids over a vocabulary of 12, y one-hot (48, 12):
                 the token that follows each window (a fixed rule with some noise)
    series.npz   X float (40, 5, 2) sequences of 5 steps with 2 features, y float (40, 1)
    signals.npz  X float (36, 3, 12) three-channel signals of length 12, y one-hot (36, 3)
    table.npz    X float (48, 6), y one-hot (48, 3) from a random nonlinear teacher
    surface.npz  X float (40, 4), y float (40, 2): two smooth surfaces of the inputs
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(24)

# token windows and the next token
X = rng.integers(0, 12, size=(48, 4))
nxt = (X[:, 0] + 2 * X[:, 1] + 3 * X[:, 3]) % 12
noise = rng.random(48) < 0.2
nxt[noise] = rng.integers(0, 12, size=noise.sum())
np.savez(here / "tokens.npz", X=X.astype(np.int64), y=np.eye(12)[nxt])

# short sequences for a recurrent net
X = rng.standard_normal((40, 5, 2))
decay = 0.6 ** np.arange(5)[::-1]
y = np.tanh((X[:, :, 0] * X[:, :, 1] + 0.5 * X[:, :, 0]) @ decay / 1.5)[:, None]
np.savez(here / "series.npz", X=X, y=y)

# three-channel signals for a 1-d convolution
X = rng.standard_normal((36, 3, 12))
energy = (X[:, 0, 1:] * X[:, 1, :-1]).mean(axis=1)
labels = np.digitize(energy + 0.3 * X[:, 2].mean(axis=1), [-0.12, 0.12])
np.savez(here / "signals.npz", X=X, y=np.eye(3)[labels])

# feature table, three classes
X = rng.standard_normal((48, 6))
labels = (np.tanh(X @ rng.standard_normal((6, 5))) @ rng.standard_normal((5, 3))).argmax(axis=1)
np.savez(here / "table.npz", X=X, y=np.eye(3)[labels])

# regression surfaces
X = rng.uniform(-1.5, 1.5, size=(40, 4))
y = np.stack([np.sin(X[:, 0]) * X[:, 1] + 0.3 * X[:, 2], np.cos(X[:, 2] + X[:, 3]) - 0.5 * X[:, 0] ** 2], axis=1)
np.savez(here / "surface.npz", X=X, y=y)
