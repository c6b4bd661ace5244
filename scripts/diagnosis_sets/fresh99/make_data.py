"""Writes the data sets of this folder (seeded): python3 make_data.py

    regimes.npz   X float (48, 6): standardised inputs; y float (48, 2): two regression targets
                  produced by three different regimes of the input space (which regime is set by
                  the sign pattern of two input directions), plus noise: the kind of data a
                  dense mixture of experts is fitted to.
    blobs.npz     X float (60, 5): inputs drawn around six cluster centres; y int64 (60,): one of
                  three classes, each class made of two clusters far apart, so that different
                  experts can take different clusters.
    pieces.npz    X float (40, 4): uniform inputs on [-1.5, 1.5]; y float (40, 2): a piecewise
                  function of the inputs (four pieces, one per quadrant of the first two
                  coordinates) plus noise, with a few larger residual rows (outliers) that
                  a Huber loss is chosen for.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(99)

# ---------------------------------------------------------------- regimes (dense MoE regression)
n, d = 48, 6
X = rng.standard_normal((n, d))
X = (X - X.mean(axis=0)) / X.std(axis=0)
u = X @ rng.normal(0.0, 0.6, d)
v = X @ rng.normal(0.0, 0.6, d)
regime = np.where(u > 0, 0, np.where(v > 0, 1, 2))
A = rng.normal(0.0, 0.5, (3, d, 2))
y = np.stack([np.tanh(X[i] @ A[regime[i]]) for i in range(n)]) + 0.05 * rng.standard_normal((n, 2))
np.savez(here / "regimes.npz", X=X.round(4), y=y.round(4))

# ---------------------------------------------------------------- blobs (top-2 MoE classifier)
n, d, k = 60, 5, 3
centres = rng.normal(0.0, 1.6, (6, d))
cluster = np.arange(n) % 6
rng.shuffle(cluster)
X = centres[cluster] + 0.7 * rng.standard_normal((n, d))
X = (X - X.mean(axis=0)) / X.std(axis=0)
labels = (cluster % 3).astype(np.int64)
np.savez(here / "blobs.npz", X=X.round(4), y=labels)

# ---------------------------------------------------------------- pieces (switch top-1 regression)
n, d = 40, 4
X = rng.uniform(-1.5, 1.5, (n, d))
quad = (X[:, 0] > 0).astype(int) * 2 + (X[:, 1] > 0).astype(int)
B = rng.normal(0.0, 0.7, (4, d, 2))
y = np.einsum("nd,ndo->no", X, B[quad]) + 0.1 * rng.standard_normal((n, 2))
out = rng.choice(n, size=4, replace=False)
y[out] += rng.choice([-2.0, 2.0], size=(4, 2))
np.savez(here / "pieces.npz", X=X.round(4), y=y.round(4))
print("regimes", np.bincount(regime), "blobs", np.bincount(labels), "pieces", np.bincount(quad))
