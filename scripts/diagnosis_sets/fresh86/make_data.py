"""Writes the data sets of this folder (seeded): python3 make_data.py

    resid.npz     X float (48, 8): eight standardised inputs; y float (48, 1): a smooth
                  nonlinear regression target (sines, a product and a square of projections,
                  plus noise), standardised. For the pre-activation residual MLP.
    spiral.npz    X float (60, 10): ten standardised inputs whose first two columns carry a
                  three-armed spiral and the rest noise mixed in; y float (60, 3): the one-hot
                  class of the arm. For the ReZero classifier with the learned temperature.
    rings.npz     X float (40, 12): twelve standardised inputs; y float (40, 1): 0/1, whether
                  a row lies outside a ring in a random 3-d projection (about half ones), with
                  a few labels flipped. For the weight-standardised binary classifier.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(86)


def standardise(a):
    return (a - a.mean(axis=0)) / a.std(axis=0)


# ---------------------------------------------------------------- regression
n, d = 48, 8
X = rng.standard_normal((n, d))
a, b = rng.normal(0, 0.6, d), rng.normal(0, 0.5, d)
t = np.sin(X @ a) + 0.4 * (X @ b) ** 2 + 0.5 * X[:, 0] * X[:, 1] + 0.2 * rng.standard_normal(n)
np.savez(here / "resid.npz", X=standardise(X).round(4), y=standardise(t)[:, None].round(4))

# ---------------------------------------------------------------- three-armed spiral
n, d, k = 60, 10, 3
cls = np.repeat(np.arange(k), n // k)
r = rng.uniform(0.2, 1.0, n)
theta = 2 * np.pi * cls / k + 2.5 * r + 0.25 * rng.standard_normal(n)
base = np.column_stack([r * np.cos(theta), r * np.sin(theta)])
noise = rng.standard_normal((n, d - 2)) * 0.5
mix = rng.normal(0, 0.3, (2, d - 2))
X = np.column_stack([base, noise + base @ mix])
perm = rng.permutation(n)
X, cls = standardise(X)[perm], cls[perm]
np.savez(here / "spiral.npz", X=X.round(4), y=np.eye(k)[cls])

# ---------------------------------------------------------------- rings
n, d = 40, 12
X = rng.standard_normal((n, d))
P = rng.normal(0, 1 / np.sqrt(d), (d, 3))
rad = np.linalg.norm(X @ P, axis=1)
lab = (rad > np.median(rad)).astype(float)
flip = rng.choice(n, size=3, replace=False)
lab[flip] = 1 - lab[flip]
np.savez(here / "rings.npz", X=standardise(X).round(4), y=lab[:, None])
print("rings positives", lab.mean(), "spiral classes", np.bincount(cls))
