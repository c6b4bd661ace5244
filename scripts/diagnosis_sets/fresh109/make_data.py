"""Writes the data sets of this folder (seeded): python3 make_data.py

    customers.npz  X float (48, 10): ten standardised customer features; y float (48, 3): the
                   targets of three tasks side by side: column 0 next-quarter spend (standardised,
                   regression), column 1 churned (0/1, binary), column 2 the plan tier as an
                   integer class code 0, 1 or 2 stored as a float (multi-class).
    clinic.npz     X float (40, 12): twelve standardised lab values; y float (40, 2): column 0 the
                   length of stay (standardised, regression), column 1 the ward as an integer
                   class code 0..3 stored as a float (multi-class).
    loans.npz      X float (36, 7): seven standardised applicant features; y float (36, 3):
                   column 0 the reported income (standardised), absent for about a third of the
                   rows: the NaN was replaced by 0.0 and column 1 holds the 0/1 mask of the rows
                   where it was reported; column 2 defaulted (0/1, binary, always present).
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(109)


def standardise(a):
    return (a - a.mean(axis=0)) / a.std(axis=0)


# ---------------------------------------------------------------- customers: three tasks
n, d = 48, 10
X = standardise(rng.standard_normal((n, d)) @ rng.normal(0.0, 0.6, (d, d)) + rng.standard_normal((n, d)))
spend = X @ rng.normal(0.0, 0.5, d) + 0.3 * rng.standard_normal(n)
spend = (spend - spend.mean()) / spend.std()
churn = (X @ rng.normal(0.0, 0.8, d) + 0.5 * rng.standard_normal(n) > 0.0).astype(float)
tier = np.argmax(X @ rng.normal(0.0, 0.8, (d, 3)) + 0.5 * rng.standard_normal((n, 3)), axis=1).astype(float)
np.savez(here / "customers.npz", X=X.round(4), y=np.stack([spend.round(4), churn, tier], axis=1))

# ---------------------------------------------------------------- clinic: regression + 4 classes
n, d = 40, 12
X = standardise(rng.standard_normal((n, d)))
stay = np.tanh(X @ rng.normal(0.0, 0.4, d)) + 0.2 * rng.standard_normal(n)
stay = (stay - stay.mean()) / stay.std()
ward = np.argmax(X @ rng.normal(0.0, 0.7, (d, 4)) + 0.6 * rng.standard_normal((n, 4)), axis=1).astype(float)
np.savez(here / "clinic.npz", X=X.round(4), y=np.stack([stay.round(4), ward], axis=1))

# ---------------------------------------------------------------- loans: regression with missing labels + binary
n, d = 36, 7
X = standardise(rng.standard_normal((n, d)))
income = X @ rng.normal(0.0, 0.6, d) + 0.4 * rng.standard_normal(n)
income = (income - income.mean()) / income.std()
income[rng.random(n) < 0.33] = np.nan
observed = (~np.isnan(income)).astype(float)
income = np.nan_to_num(income, nan=0.0)
default = (X @ rng.normal(0.0, 0.9, d) + 0.6 * rng.standard_normal(n) > 0.3).astype(float)
np.savez(here / "loans.npz", X=X.round(4), y=np.stack([income.round(4), observed, default], axis=1))
print("tiers", np.bincount(tier.astype(int)), "wards", np.bincount(ward.astype(int)),
      "income observed", observed.mean().round(3), "default rate", default.mean().round(3))
