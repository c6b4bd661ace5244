"""Writes the data set of this folder (seeded): python3 make_data.py

    ctr.npz   X float (40, 5): column 0 a categorical id 0..4 (ad slot), column 1 a categorical
              id 0..3 (device), columns 2..4 numeric on their own scales (age, income, past
              clicks); y float (40, 1) click labels 0/1 (about a quarter positive).
              The programs standardise columns 2..4 with the mean and (population) standard
              deviation of these 40 rows, read from this file.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(66)

n = 40
slot = rng.integers(0, 5, size=n)
device = rng.integers(0, 4, size=n)
age = rng.normal(35.0, 10.0, size=n).round()
income = rng.normal(50.0, 20.0, size=n).round(1)
past = rng.poisson(3.0, size=n).astype(float)
logit = (-1.6 + 0.6 * (slot == 0) + 0.5 * (device == 2) + 0.8 * (slot == 3) * (device == 1)
         - 0.03 * (age - 35.0) + 0.25 * (past - 3.0) + 0.4 * rng.standard_normal(n))
y = (logit > -0.6).astype(float)
if y.mean() < 0.15 or y.mean() > 0.45:
    raise SystemExit(f"positive rate {y.mean()}")
X = np.stack([slot, device, age, income, past], axis=1).astype(float)
np.savez(here / "ctr.npz", X=X, y=y[:, None])
print("rows", n, "positives", int(y.sum()))
