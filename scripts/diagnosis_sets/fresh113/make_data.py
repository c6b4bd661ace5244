"""Writes the data sets of this folder (seeded): python3 make_data.py

    surv.npz     X float (40, 8): standardised covariates of forty patients;
                 y float (40, 2): column 0 the follow-up time in whole months (1..30, many
                 ties), column 1 the event indicator (1 = death observed, 0 = censored at that
                 time). Rows are in enrolment order, not sorted by time: the programs build the
                 risk sets {j : time_j >= time_i} themselves (Breslow: tied subjects share one).
    grades.npz   X float (48, 6): standardised features; y int64 (48,): an ordinal grade 0..4
                 cut from a noisy linear latent score at fixed cut points.
    load.npz     X float (36, 5): standardised features; y float (36, 1): a heteroscedastic
                 target (its noise grows with |x_2|), for quantile regression.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(113)

# ---------------------------------------------------------------- survival (Cox)
n, d = 40, 8
X = rng.standard_normal((n, d))
risk = 0.8 * X[:, 0] - 0.6 * X[:, 1] + 0.5 * X[:, 2] * X[:, 3] + 0.4 * np.tanh(X[:, 4])
T = rng.exponential(10.0 * np.exp(-risk))
C = rng.uniform(4.0, 30.0, n)
time = np.clip(np.ceil(np.minimum(T, C)), 1, 30)
event = (T <= C).astype(float)
X = (X - X.mean(axis=0)) / X.std(axis=0)
np.savez(here / "surv.npz", X=X.round(4), y=np.column_stack([time, event]))
uniq, counts = np.unique(time[event == 1], return_counts=True)
print("surv events", int(event.sum()), "of", n, "tied event times", int((counts > 1).sum()))

# ---------------------------------------------------------------- ordinal grades
n, d = 48, 6
X = rng.standard_normal((n, d))
w = np.array([1.0, -0.7, 0.5, 0.0, 0.3, -0.4])
latent = X @ w + 0.4 * np.sin(2.0 * X[:, 3]) + 0.5 * rng.standard_normal(n)
grade = np.digitize(latent, [-1.2, -0.4, 0.4, 1.2]).astype(np.int64)
X = (X - X.mean(axis=0)) / X.std(axis=0)
np.savez(here / "grades.npz", X=X.round(4), y=grade)
print("grades", np.bincount(grade, minlength=5))

# ---------------------------------------------------------------- quantile regression
n, d = 36, 5
X = rng.standard_normal((n, d))
target = np.sin(X[:, 0]) + 0.5 * X[:, 1] + (0.3 + 0.4 * np.abs(X[:, 2])) * rng.standard_normal(n)
X = (X - X.mean(axis=0)) / X.std(axis=0)
np.savez(here / "load.npz", X=X.round(4), y=target.round(4)[:, None])
print("load y", target.mean().round(3), target.std().round(3))
