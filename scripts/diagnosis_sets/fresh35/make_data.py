"""Writes the data sets of this folder (seeded): python3 make_data.py

    multilabel.npz  X float (40, 5), y 0/1 (40, 3): three imbalanced tags, each a noisy threshold of the inputs
    ordinal.npz     X float (40, 4), y float (40, 1): a rating 0..3 cut from a latent score
    counts.npz      X float (40, 4), y float (40, 1): Poisson counts from a log-linear rate
    exposure.npz    X float (40, 4), y float (40, 1): columns 0-2 features, column 3 the exposure (0.5 .. 3);
                    Poisson counts with rate exposure * exp(f(x))
    claims.npz      X float (40, 4), y float (40, 1): positive Gamma-distributed amounts, log-linear mean
    tabular.npz     X float (40, 5), y float (40, 1): column 0 a store id (0..3), column 1 a segment id (0..3),
                    columns 2-4 numeric
    mixed.npz       X float (40, 5), y float (40, 1): columns 0-2 numeric on different scales, 3-4 0/1 dummies
    classes.npz     X float (45, 4), y one-hot (45, 3)
    churn.npz       X float (40, 4), y 0/1 (40, 1): about a quarter positive
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(35)

X = rng.standard_normal((40, 5))
score = X @ rng.normal(0, 1, (5, 3)) + rng.normal(0, 0.5, (40, 3))
y = (score > np.array([0.8, 1.0, 0.5])).astype(float)
np.savez(here / "multilabel.npz", X=X, y=y)

X = rng.standard_normal((40, 4))
latent = X @ np.array([1.0, -0.7, 0.5, 0.3]) + rng.normal(0, 0.4, 40)
y = np.digitize(latent, [-0.8, 0.0, 0.8]).astype(float)[:, None]
np.savez(here / "ordinal.npz", X=X, y=y)

X = rng.standard_normal((40, 4))
rate = np.exp(0.6 + X @ np.array([0.4, -0.3, 0.2, 0.1]))
np.savez(here / "counts.npz", X=X, y=rng.poisson(rate).astype(float)[:, None])

F = rng.standard_normal((40, 3))
expo = rng.uniform(0.5, 3.0, 40)
rate = expo * np.exp(0.3 + F @ np.array([0.4, -0.3, 0.2]))
np.savez(here / "exposure.npz", X=np.column_stack([F, expo]), y=rng.poisson(rate).astype(float)[:, None])

X = rng.standard_normal((40, 4))
mean = np.exp(1.0 + X @ np.array([0.3, -0.2, 0.25, 0.1]))
np.savez(here / "claims.npz", X=X, y=rng.gamma(2.0, mean / 2.0)[:, None])

store = rng.integers(0, 4, 40)
segment = rng.integers(0, 4, 40)
num = rng.standard_normal((40, 3))
y = np.array([0.5, -0.3, 0.2, 0.8])[store] + np.array([-0.4, 0.1, 0.6, 0.0])[segment] + num @ np.array([0.5, -0.2, 0.3])
np.savez(here / "tabular.npz", X=np.column_stack([store, segment, num]).astype(float), y=y[:, None])

num = rng.standard_normal((40, 3)) * np.array([10.0, 0.5, 3.0]) + np.array([50.0, 2.0, -4.0])
dummies = (rng.random((40, 2)) < 0.4).astype(float)
y = 0.05 * (num[:, 0] - 50) + 1.2 * (num[:, 1] - 2) + 0.5 * dummies[:, 0] - 0.3 * dummies[:, 1]
np.savez(here / "mixed.npz", X=np.column_stack([num, dummies]), y=y[:, None])

centres = rng.normal(0, 1.2, (3, 4))
labels = rng.integers(0, 3, 45)
np.savez(here / "classes.npz", X=centres[labels] + rng.standard_normal((45, 4)), y=np.eye(3)[labels])

X = rng.standard_normal((40, 4))
y = ((X @ np.array([1.0, 0.5, -0.5, 0.2]) + rng.normal(0, 0.5, 40)) > 0.9).astype(float)[:, None]
np.savez(here / "churn.npz", X=X, y=y)
