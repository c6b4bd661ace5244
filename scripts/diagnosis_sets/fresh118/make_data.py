"""Writes the data sets of this folder (seeded): python3 make_data.py

    tokens.npz    X int64 (48, 6): token ids 1..11 of short sequences of 3 to 6 tokens, padded
                  at the end with the padding id 0; y int64 (48,): one of three classes, the
                  token group (1-3, 4-7, 8-11) the sequence holds most of (ties go to the group
                  of the first token).
    series.npz    X float (40, 15): five time steps of three standardised readings per row,
                  stored flat (step-major: columns 3t..3t+2 are step t); y float (40,): a
                  smooth function of the sequence read at the last step (a decaying sum of
                  one channel, the last value of another and an interaction), plus noise.
    events.npz    X float (36, 20): four events of five features per row, stored flat
                  (event-major); y float (36,): 0/1, whether any event scores above a threshold
                  under a fixed linear rule, or the first and last events agree in sign.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(118)

# ---------------------------------------------------------------- token sequences
n, T, V = 48, 6, 12
X = np.zeros((n, T), dtype=np.int64)
y = np.zeros(n, dtype=np.int64)
groups = np.array([-1, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
for i in range(n):
    length = rng.integers(3, T + 1)
    X[i, :length] = rng.integers(1, V, size=length)
    counts = np.bincount(groups[X[i, :length]], minlength=3)
    best = np.flatnonzero(counts == counts.max())
    y[i] = best[0] if len(best) == 1 else groups[X[i, 0]]
np.savez(here / "tokens.npz", X=X, y=y)

# ---------------------------------------------------------------- time series
n, T, d = 40, 5, 3
s = rng.standard_normal((n, T, d))
s[:, 1:, 0] += 0.6 * s[:, :-1, 0]
s = (s - s.mean(axis=(0, 1))) / s.std(axis=(0, 1))
decay = 0.6 ** np.arange(T - 1, -1, -1)
target = 0.5 * (s[:, :, 0] * decay).sum(axis=1) + 0.4 * s[:, -1, 1] - 0.3 * s[:, 0, 2] * s[:, -1, 2]
target += 0.1 * rng.standard_normal(n)
np.savez(here / "series.npz", X=s.reshape(n, T * d).round(4), y=target.round(4))

# ---------------------------------------------------------------- event sets
n, T, d = 36, 4, 5
e = rng.standard_normal((n, T, d))
w = np.array([0.8, -0.5, 0.3, 0.0, 0.6])
score = (e @ w).max(axis=1)
label = ((score > 1.2) | (np.sign(e[:, 0, 3]) == np.sign(e[:, -1, 3]))).astype(float)
np.savez(here / "events.npz", X=e.reshape(n, T * d).round(4), y=label)
print("token classes", np.bincount(y), "events positive", label.mean().round(3),
      "series target std", target.std().round(3))
