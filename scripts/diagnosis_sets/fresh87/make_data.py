"""Writes the data sets of this folder (seeded): python3 make_data.py

    blobs.npz    X float (60, 8): three Gaussian clusters in eight standardised features;
                 y int64 (60,): the class of each row, 0, 1 or 2 (twenty rows each, the
                 classes interleaved so that every batch of twenty holds all three).
    signs.npz    X float (48, 10): ten features of small spread (a linear signal plus noise,
                 scaled by 0.4 so that the hard-tanh units of a binary layer are not all
                 saturated); y float (48,): the 0/1 label of each row (the programs turn it into
                 a -1/+1 target for the squared hinge loss).
    sensor.npz   X float (40, 6): six standardised sensor readings; y float (40,): a smooth
                 nonlinear response of them plus noise, centred.

Every value is rounded to three decimals and then moved off the 1/2000 grid by a fixed odd
offset, so no input sits on a rounding tie of a quantiser.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(87)


def off_grid(a):
    return a.round(3) + 0.000137


# ---------------------------------------------------------------- three clusters
n, d, k = 60, 8, 3
centres = rng.normal(0.0, 1.2, (k, d))
labels = np.arange(n) % k
X = centres[labels] + rng.standard_normal((n, d))
X = (X - X.mean(axis=0)) / X.std(axis=0)
np.savez(here / "blobs.npz", X=off_grid(X), y=labels.astype(np.int64))

# ---------------------------------------------------------------- binary labels
n, d = 48, 10
w = rng.normal(0.0, 1.0, d)
Xs = rng.standard_normal((n, d))
score = Xs @ w + 0.5 * rng.standard_normal(n)
ys = (score > np.median(score)).astype(float)
np.savez(here / "signs.npz", X=off_grid(0.4 * Xs), y=ys)

# ---------------------------------------------------------------- regression
n, d = 40, 6
Xr = rng.standard_normal((n, d))
yr = np.tanh(Xr[:, 0] - 0.5 * Xr[:, 1]) + 0.3 * Xr[:, 2] * Xr[:, 3] + 0.1 * rng.standard_normal(n)
yr = yr - yr.mean()
np.savez(here / "sensor.npz", X=off_grid((Xr - Xr.mean(axis=0)) / Xr.std(axis=0)), y=off_grid(yr))
print("blobs", np.bincount(labels), "signs positive", ys.mean(), "sensor y std", yr.std().round(3))
