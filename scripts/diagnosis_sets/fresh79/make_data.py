"""Writes the data sets of this folder (seeded): python3 make_data.py

    curve.npz     X float (48, 4): standardised inputs; y float (48, 1): a smooth nonlinear
                  response (a sum of bumps and a product term) plus a little noise, for the
                  Gaussian RBF regression network.
    ring.npz      X float (40, 5): standard normal inputs; y float (40, 1): 0/1 labels, 1 outside
                  a wavy ring in the first two coordinates (a boundary no linear model of X
                  draws), for the random-Fourier-feature classifier.
    blobs.npz     X float (36, 6): three overlapping Gaussian clusters; y int64 (36,): the
                  cluster label 0, 1 or 2 (twelve rows each, interleaved so that every batch of
                  twelve holds all three), for the prototype classifier.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(79)

# ---------------------------------------------------------------- RBF regression
n, d = 48, 4
X = rng.standard_normal((n, d))
y = (np.exp(-0.5 * ((X[:, 0] - 0.5) ** 2 + X[:, 1] ** 2))
     - 0.8 * np.exp(-0.5 * ((X[:, 2] + 0.7) ** 2 + (X[:, 3] - 0.3) ** 2))
     + 0.3 * X[:, 0] * X[:, 3]
     + 0.05 * rng.standard_normal(n))
np.savez(here / "curve.npz", X=X.round(4), y=y.round(4)[:, None])

# ---------------------------------------------------------------- RFF classification
n, d = 40, 5
X = rng.standard_normal((n, d))
r = np.sqrt(X[:, 0] ** 2 + X[:, 1] ** 2) + 0.3 * np.sin(2.0 * X[:, 2])
y = (r > 1.1).astype(float)
np.savez(here / "ring.npz", X=X.round(4), y=y[:, None])

# ---------------------------------------------------------------- prototype classification
n_per, d, k = 12, 6, 3
means = rng.normal(0.0, 1.2, (k, d))
Xs, ys = [], []
for i in range(n_per):
    for c in range(k):
        Xs.append(means[c] + rng.standard_normal(d))
        ys.append(c)
np.savez(here / "blobs.npz", X=np.array(Xs).round(4), y=np.array(ys, dtype=np.int64))
print("ring positives", y.mean().round(3), "blob rows", len(ys))
