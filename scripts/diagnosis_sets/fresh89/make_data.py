"""Writes the data sets of this folder (seeded): python3 make_data.py

    lipreg.npz    X float (48, 6): standardised inputs of a smooth regression problem;
                  y float (48, 1): a 1-Lipschitz-ish target (a few sines, an absolute value and a
                  linear part, scaled down) plus noise, for the spectrally normalised regressor.
    critic.npz    X float (40, 5): samples of two Gaussian clouds, "real" ones around a shifted
                  mean with an anisotropic spread and "fake" ones around the origin, rows
                  interleaved so that every 20-row batch holds ten of each;
                  y float (40, 1): 1 for a real sample, 0 for a fake one (the critic's labels).
    monotone.npz  X float (60, 4): features on [0, 1] (credit-style scores);
                  y float (60,): 0/1 outcomes drawn from a logistic model increasing in every
                  feature, so a monotone classifier fits them.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(89)

# ---------------------------------------------------------------- Lipschitz regression
n, d = 48, 6
X = rng.standard_normal((n, d))
t = (0.5 * np.sin(X[:, 0]) + 0.3 * np.abs(X[:, 1]) - 0.2 * X[:, 2] + 0.25 * np.sin(2.0 * X[:, 3])
     + 0.1 * X[:, 4] * X[:, 5])
y = (t + 0.05 * rng.standard_normal(n)).reshape(-1, 1)
np.savez(here / "lipreg.npz", X=X.round(4), y=y.round(4))

# ---------------------------------------------------------------- critic: real vs fake
n_half, d = 20, 5
real = rng.normal(0.0, 1.0, (n_half, d)) * np.array([1.0, 0.6, 1.4, 0.8, 1.0]) + np.array([1.0, -0.5, 0.5, 0.8, -1.0])
fake = rng.normal(0.0, 1.2, (n_half, d))
Xc = np.empty((2 * n_half, d))
yc = np.empty((2 * n_half, 1))
Xc[0::2], yc[0::2] = real, 1.0
Xc[1::2], yc[1::2] = fake, 0.0
np.savez(here / "critic.npz", X=Xc.round(4), y=yc)

# ---------------------------------------------------------------- monotone classification
n, d = 60, 4
Xm = rng.random((n, d))
logit = 4.0 * (0.8 * Xm[:, 0] + 0.5 * Xm[:, 1] + 0.9 * Xm[:, 2] ** 2 + 0.3 * Xm[:, 3]) - 4.2
ym = (rng.random(n) < 1.0 / (1.0 + np.exp(-logit))).astype(float)
np.savez(here / "monotone.npz", X=Xm.round(4), y=ym)
print("lipreg y std", y.std().round(3), "monotone positives", ym.mean().round(3))
