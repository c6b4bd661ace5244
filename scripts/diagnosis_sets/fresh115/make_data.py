"""Writes the data sets of this folder (seeded): python3 make_data.py

    regimes.npz   X float (48, 6): six standardised sensor readings; y float (48,): a target made
                  of three regimes (which regime a row is in depends on the first two readings,
                  and each regime has its own smooth response), centred and scaled. Regression.
    churn.npz     X float (60, 10): ten standardised customer features; y int64 (60,): one of
                  three classes (stay, downgrade, leave), from a noisy nonlinear score with a
                  multiplicative interaction. Classification.
    grouped.npz   X float (40, 16): sixteen features in four groups of four consecutive columns
                  (four channels of four readings each, one group per sensor); y float (40,):
                  a regression target driven mostly by two of the groups, with a few large
                  residuals (heavy-tailed noise). Regression.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(115)

# ---------------------------------------------------------------- three regimes
n, d = 48, 6
X = rng.standard_normal((n, d))
regime = np.where(X[:, 0] > 0.3, 0, np.where(X[:, 1] > 0.0, 1, 2))
y = np.where(regime == 0, 1.5 * np.sin(X[:, 2]) + 0.5 * X[:, 3],
             np.where(regime == 1, -X[:, 3] + 0.4 * X[:, 4] ** 2, 0.8 * X[:, 5] - 0.6 * X[:, 2]))
y = y + 0.1 * rng.standard_normal(n)
y = (y - y.mean()) / y.std()
np.savez(here / "regimes.npz", X=X.round(4), y=y.round(4))

# ---------------------------------------------------------------- churn classes
n, d = 60, 10
X = rng.standard_normal((n, d))
score = 0.9 * X[:, 0] - 0.7 * X[:, 1] + 0.8 * X[:, 2] * X[:, 3] + 0.5 * np.tanh(X[:, 4]) \
    + 0.4 * rng.standard_normal(n)
cuts = np.quantile(score, [1 / 3, 2 / 3])
labels = np.digitize(score, cuts).astype(np.int64)
np.savez(here / "churn.npz", X=X.round(4), y=labels)

# ---------------------------------------------------------------- grouped sensors
n, g, k = 40, 4, 4
base = rng.standard_normal((n, g))
X = np.repeat(base, k, axis=1) * 0.7 + 0.5 * rng.standard_normal((n, g * k))
y = 1.2 * X[:, 0:4].mean(axis=1) - 0.9 * np.tanh(X[:, 8:12].sum(axis=1)) + 0.3 * rng.standard_t(2, n)
y = (y - y.mean()) / y.std() * 1.5
np.savez(here / "grouped.npz", X=X.round(4), y=y.round(4))
print("classes", np.bincount(labels), "grouped |y|>1", int((np.abs(y) > 1).sum()))
