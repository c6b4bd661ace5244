"""Writes the data sets of this folder (seeded): python3 make_data.py

    blobs.npz     X float (60, 6): three Gaussian clusters of standardised measurements;
                  y float (60, 3): the one-hot class of each row (20 rows per class).
    housing.npz   X float (48, 5): standardised features; y float (48,): a smooth nonlinear
                  target (a product, a sine and a linear part) plus noise, one value per row.
    churn.npz     X float (40, 7): raw features on their own scales (counts, amounts, rates),
                  not standardised: the models standardise them themselves;
                  y float (40, 1): the 0/1 label of each row.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(91)

# ---------------------------------------------------------------- three clusters
centres = rng.normal(0.0, 1.2, (3, 6))
labels = np.repeat(np.arange(3), 20)
rng.shuffle(labels)
X = centres[labels] + rng.normal(0.0, 1.0, (60, 6))
X = (X - X.mean(axis=0)) / X.std(axis=0)
np.savez(here / "blobs.npz", X=X.round(4), y=np.eye(3)[labels])

# ---------------------------------------------------------------- regression
X = rng.standard_normal((48, 5))
t = 0.8 * X[:, 0] * X[:, 1] + np.sin(1.5 * X[:, 2]) - 0.5 * X[:, 3] + 0.2 * X[:, 4]
t = t + 0.1 * rng.standard_normal(48)
np.savez(here / "housing.npz", X=X.round(4), y=t.round(4))

# ---------------------------------------------------------------- raw features, binary label
n = 40
scale = np.array([12.0, 250.0, 0.3, 4.0, 60.0, 1.5, 900.0])
offset = np.array([30.0, 1200.0, 0.5, 10.0, 300.0, 2.0, 5000.0])
Z = rng.standard_normal((n, 7))
X = offset + scale * Z
logit = 1.2 * Z[:, 0] - 0.9 * Z[:, 2] + 0.7 * Z[:, 4] * Z[:, 5] + 0.3 * rng.standard_normal(n)
lab = (logit > 0).astype(float)
np.savez(here / "churn.npz", X=X.round(3), y=lab[:, None])
print("blobs classes", np.bincount(labels), "churn positives", lab.mean())
