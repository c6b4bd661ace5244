"""Writes the data sets of this folder (seeded): python3 make_data.py

    blobs.npz     X float (64, 12): four Gaussian clusters in 12 standardised features (only the
                  first six carry the class signal, the rest are noise); y int64 (64,): the class
                  0..3. For the gradually pruned classifier.
    sparse_reg.npz X float (48, 10): standardised features; y float (48,): a regression target
                  that depends (nonlinearly) on features 0..3 only, plus noise. For the L1 /
                  group-lasso regressor.
    gates.npz     X float (56, 6): standardised features; y float (56,): a 0/1 label from a
                  nonlinear rule on the first three features. For the straight-through pruned
                  binary classifier.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(95)

# ---------------------------------------------------------------- blobs
n, d, k = 64, 12, 4
centers = rng.normal(0.0, 1.6, (k, 6))
y = np.repeat(np.arange(k), n // k)
rng.shuffle(y)
X = np.concatenate([centers[y] + rng.standard_normal((n, 6)), rng.standard_normal((n, d - 6))], axis=1)
X = (X - X.mean(axis=0)) / X.std(axis=0)
np.savez(here / "blobs.npz", X=X.round(4), y=y.astype(np.int64))

# ---------------------------------------------------------------- sparse regression
n, d = 48, 10
X = rng.standard_normal((n, d))
t = np.tanh(1.2 * X[:, 0] - 0.8 * X[:, 1]) + 0.6 * X[:, 2] * X[:, 3] + 0.5 * X[:, 3] + 0.1 * rng.standard_normal(n)
X = (X - X.mean(axis=0)) / X.std(axis=0)
np.savez(here / "sparse_reg.npz", X=X.round(4), y=t.round(4))

# ---------------------------------------------------------------- gates
n, d = 56, 6
X = rng.standard_normal((n, d))
lab = ((X[:, 0] * X[:, 1] + 0.5 * X[:, 2] + 0.2 * rng.standard_normal(n)) > 0).astype(float)
X = (X - X.mean(axis=0)) / X.std(axis=0)
np.savez(here / "gates.npz", X=X.round(4), y=lab)
print("blobs", np.bincount(np.load(here / "blobs.npz")["y"]), "gates positives", lab.mean().round(3))
