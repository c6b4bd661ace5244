"""Writes the data sets of this folder (seeded): python3 make_data.py

    blobs.npz     X float (60, 6): three Gaussian clusters of six standardised features, overlapping;
                  y int64 (60,): the cluster label 0, 1 or 2 (twenty rows each, shuffled).
    housing.npz   X float (48, 8): eight standardised tabular features;
                  y float (48,): a smooth nonlinear target (standardised), kept one-dimensional as
                  it comes out of a data frame column.
    sensors.npz   X float (40, 5): five standardised sensor readings;
                  y float (40, 2): two regression targets with heavy-tailed noise and a few gross
                  outliers (what a Huber loss is for).
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(112)

# ---------------------------------------------------------------- three-class blobs
n, d, k = 60, 6, 3
centers = rng.normal(0.0, 1.2, (k, d))
labels = np.repeat(np.arange(k), n // k)
rng.shuffle(labels)
X = centers[labels] + rng.normal(0.0, 1.0, (n, d))
X = (X - X.mean(axis=0)) / X.std(axis=0)
np.savez(here / "blobs.npz", X=X.round(4), y=labels.astype(np.int64))

# ---------------------------------------------------------------- tabular regression
n, d = 48, 8
X = rng.standard_normal((n, d))
w = rng.normal(0.0, 1.0, d)
target = np.tanh(X @ w / 2.0) + 0.3 * X[:, 0] * X[:, 1] + 0.1 * rng.standard_normal(n)
target = (target - target.mean()) / target.std()
np.savez(here / "housing.npz", X=X.round(4), y=target.round(4))

# ---------------------------------------------------------------- robust two-target regression
n, d = 40, 5
X = rng.standard_normal((n, d))
A = rng.normal(0.0, 0.6, (d, 2))
Y = X @ A + 0.5 * np.sin(X[:, :2]) + 0.2 * rng.standard_t(3, (n, 2))
out = rng.choice(n, size=4, replace=False)
Y[out] += rng.choice([-3.0, 3.0], size=(4, 2))
np.savez(here / "sensors.npz", X=X.round(4), y=Y.round(4))
print("blobs", np.bincount(labels), "housing y std", target.std().round(3), "sensors |y| max", np.abs(Y).max().round(2))
