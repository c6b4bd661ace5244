"""Writes the data sets of this folder (seeded): python3 make_data.py

    housing.npz   X float (48, 8): three integer-coded categorical columns stored as floats
                  (region 0..4, dwelling type 0..3, condition 0..5), then five raw numeric
                  columns (floor area in m2, age in years, rooms, distance to the centre in km,
                  floor); y float (48, 1): a price index (region, type and condition effects, a
                  nonlinear function of the numeric columns, noise; a few outliers).
    clicks.npz    X float (64, 7): four integer-coded categorical columns stored as floats
                  (device 0..3, site category 0..5, ad format 0..2, hour bucket 0..4), then three
                  standardised numeric columns (position, bid, user activity);
                  y float (64, 1): 0/1 click labels drawn from a logistic model with a
                  category x numeric interaction.
    churn.npz     X float (40, 6): two integer-coded categorical columns stored as floats (plan
                  0..6, contract 0..2), then four raw numeric columns on different scales
                  (tenure in months, monthly charge, support calls, share of data used);
                  y float (40, 1): a standardised customer-value score.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(107)

# ---------------------------------------------------------------- housing (regression, Huber)
n = 48
region = rng.integers(0, 5, n)
dtype_ = rng.integers(0, 4, n)
cond = rng.integers(0, 6, n)
area = np.clip(rng.normal(90.0, 30.0, n), 30.0, 200.0).round(1)
age = np.clip(rng.normal(25.0, 15.0, n), 0.0, 80.0).round(0)
rooms = np.clip(np.round(area / 28.0 + rng.normal(0.0, 0.7, n)), 1, 7)
dist = np.clip(rng.gamma(2.0, 4.0, n), 0.5, 30.0).round(2)
floor = rng.integers(0, 11, n).astype(float)
eff_region = np.array([0.8, -0.4, 0.2, -1.0, 0.5])
eff_type = np.array([0.3, -0.2, 0.6, -0.5])
eff_cond = np.linspace(-0.9, 0.9, 6)
price = (2.0 + eff_region[region] + eff_type[dtype_] + eff_cond[cond] + 0.025 * (area - 90.0)
         - 0.015 * (age - 25.0) - 0.6 * np.log1p(dist / 5.0) + 0.05 * floor
         + 0.3 * rng.standard_normal(n))
price[rng.choice(n, 4, replace=False)] += rng.choice([-1.0, 1.0], 4) * rng.uniform(2.0, 3.5, 4)
X = np.column_stack([region, dtype_, cond, area, age, rooms, dist, floor]).astype(float)
np.savez(here / "housing.npz", X=X, y=price.round(3).reshape(-1, 1))

# ---------------------------------------------------------------- clicks (binary, wide and deep)
n = 64
cards = (4, 6, 3, 5)
codes = np.column_stack([rng.integers(0, c, n) for c in cards])
num = rng.standard_normal((n, 3))
w_cat = [rng.normal(0.0, 0.8, c) for c in cards]
logit = (-0.3 + sum(w[codes[:, j]] for j, w in enumerate(w_cat)) - 0.7 * num[:, 0]
         + 0.5 * num[:, 1] * (codes[:, 0] >= 2) + 0.4 * np.tanh(num[:, 2]))
clicks = (rng.random(n) < 1.0 / (1.0 + np.exp(-logit))).astype(float)
X = np.column_stack([codes.astype(float), num.round(3)])
np.savez(here / "clicks.npz", X=X, y=clicks.reshape(-1, 1))

# ---------------------------------------------------------------- churn (regression, MSE)
n = 40
plan = rng.integers(0, 7, n)
contract = rng.integers(0, 3, n)
tenure = rng.integers(1, 61, n).astype(float)
charge = rng.uniform(20.0, 120.0, n).round(2)
calls = rng.poisson(2.0, n).astype(float)
share = rng.uniform(0.0, 1.0, n).round(3)
eff_plan = rng.normal(0.0, 0.7, 7)
eff_contract = np.array([-0.6, 0.1, 0.7])
value = (eff_plan[plan] + eff_contract[contract] + 0.03 * tenure + 0.01 * charge - 0.25 * calls
         + 0.8 * share * (contract > 0) + 0.3 * rng.standard_normal(n))
value = (value - value.mean()) / value.std()
X = np.column_stack([plan, contract, tenure, charge, calls, share]).astype(float)
np.savez(here / "churn.npz", X=X, y=value.round(3).reshape(-1, 1))
print("housing y", price.mean().round(2), price.std().round(2), "clicks rate", clicks.mean().round(2))
