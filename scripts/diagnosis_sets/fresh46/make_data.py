"""Writes the data sets of this folder (seeded): python3 make_data.py

Every random draw of the regularisation and augmentation is made here, once, and stored beside
the features, so that each training step is deterministic (the whole set is one batch):

    mix.npz      X (36, 6): 4 features | lam (Beta(0.4, 0.4), per row) | partner row index
                 (a permutation); y one-hot (36, 3)
    cut.npz      X (36, 17): 8 features | 8-column 0/1 paste mask (one contiguous block per row)
                 | partner row index; y one-hot (36, 3)
    drop.npz     X (32, 15): 5 features | 10-column keep mask of a dropout at p = 0.3; y (32, 1)
    depth.npz    X (32, 5): 4 features | keep flag of the residual block (survival 0.8); y (32, 2)
    noise.npz    X (32, 12): 4 features | 8 standard-normal noise columns for the hidden layer; y (32, 1)
    curve.npz    X (40, 5), y (40, 2): smooth regression targets (elastic net, norm constraints)
    gnoise.npz   standard-normal gradient noise for 5 -> 8 -> 2 (W1, b1, W2, b2), 40 steps each
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(46)

# mixup
n = 36
centres = rng.normal(0.0, 1.5, size=(3, 4))
labels = rng.integers(0, 3, size=n)
F = centres[labels] + rng.normal(0.0, 1.0, size=(n, 4))
lam = rng.beta(0.4, 0.4, size=n)
partner = rng.permutation(n)
np.savez(here / "mix.npz", X=np.column_stack([F, lam, partner]), y=np.eye(3)[labels])

# cutmix on column blocks
centres = rng.normal(0.0, 1.2, size=(3, 8))
labels = rng.integers(0, 3, size=n)
F = centres[labels] + rng.normal(0.0, 1.0, size=(n, 8))
M = np.zeros((n, 8))
for i in range(n):
    width = rng.integers(1, 7)
    start = rng.integers(0, 8 - width + 1)
    M[i, start:start + width] = 1.0
partner = rng.permutation(n)
np.savez(here / "cut.npz", X=np.column_stack([F, M, partner]), y=np.eye(3)[labels])

# dropout masks
F = rng.uniform(-1.5, 1.5, size=(32, 5))
mask = (rng.random((32, 10)) >= 0.3).astype(float)
y = (np.sin(F[:, 0] * 1.2) + 0.5 * F[:, 1] * F[:, 2] - 0.3 * F[:, 4])[:, None]
np.savez(here / "drop.npz", X=np.column_stack([F, mask]), y=y)

# stochastic depth
F = rng.uniform(-1.5, 1.5, size=(32, 4))
keep = (rng.random(32) < 0.8).astype(float)
y = np.stack([np.tanh(F[:, 0] - F[:, 1]), 0.5 * F[:, 2] * F[:, 3]], axis=1)
np.savez(here / "depth.npz", X=np.column_stack([F, keep]), y=y)

# hidden-layer Gaussian noise
F = rng.uniform(-1.5, 1.5, size=(32, 4))
noise = rng.standard_normal((32, 8))
y = (np.cos(F[:, 0]) + 0.4 * F[:, 1] - 0.3 * F[:, 2] * F[:, 3])[:, None]
np.savez(here / "noise.npz", X=np.column_stack([F, noise]), y=y)

# regression curves
X = rng.uniform(-1.5, 1.5, size=(40, 5))
y = np.stack([np.sin(1.3 * X[:, 0]) + 0.4 * X[:, 1] * X[:, 2], np.tanh(X[:, 3] - X[:, 4])], axis=1)
np.savez(here / "curve.npz", X=X, y=y)

# gradient noise, one draw per step and parameter
np.savez(here / "gnoise.npz", W1=rng.standard_normal((40, 5, 8)), b1=rng.standard_normal((40, 8)),
         W2=rng.standard_normal((40, 8, 2)), b2=rng.standard_normal((40, 2)))
