"""Writes the data sets of this folder (seeded): python3 make_data.py

    padded.npz   X int64 (24, 5): token ids over a vocabulary of 10, id 0 the padding, each row
                 2 to 4 real tokens followed by padding (every row has at least one pad);
                 y one-hot (24, 3): the class of the token group the real tokens mostly fall in
    causal.npz   X float (24, 5, 3): short sequences of 3 features; y float (24, 5, 1): at each
                 position a squashed running mean of the positions up to it (a causal target)
    frames.npz   X float (24, 4, 4): 4 frames of 4 features; y one-hot (24, 3): which frame-to-frame
                 pattern the sequence follows
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(40)

# padded token sequences
n, T = 24, 5
lengths = rng.integers(2, 5, size=n)
X = np.zeros((n, T), dtype=np.int64)
for i, L in enumerate(lengths):
    X[i, :L] = rng.integers(1, 10, size=L)
groups = np.stack([((X >= 1) & (X <= 3)).sum(1), ((X >= 4) & (X <= 6)).sum(1) * 1.1,
                   ((X >= 7) & (X <= 9)).sum(1) * 1.2], axis=1)
labels = groups.argmax(axis=1)
np.savez(here / "padded.npz", X=X, y=np.eye(3)[labels])

# causal per-position regression
X = rng.standard_normal((24, 5, 3))
signal = X[:, :, 0] - 0.5 * X[:, :, 1]
running = np.cumsum(signal, axis=1) / np.arange(1, 6)
y = np.tanh(running + 0.3 * X[:, :, 2])[:, :, None]
np.savez(here / "causal.npz", X=X, y=y)

# frame sequences
labels = rng.integers(0, 3, size=24)
base = rng.normal(0.0, 1.0, size=(24, 1, 4))
steps = np.array([[0.6, 0.0, -0.3, 0.2], [-0.4, 0.5, 0.0, 0.3], [0.0, -0.5, 0.6, -0.2]])
X = base + np.arange(4)[None, :, None] * steps[labels][:, None, :] + rng.normal(0.0, 0.3, size=(24, 4, 4))
np.savez(here / "frames.npz", X=X, y=np.eye(3)[labels])
