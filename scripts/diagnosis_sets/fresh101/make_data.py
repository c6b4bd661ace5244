"""Writes the data sets of this folder (seeded): python3 make_data.py

    cox.npz       X float (48, 8): standardised clinical-style covariates; y float (48, 2): column 0
                  the follow-up time in whole months (1..12, many ties), column 1 the event indicator
                  (1 = death observed, 0 = censored; about two thirds events).
    hazard.npz    X float (40, 6): standardised covariates; y float (40, 2): column 0 the index
                  (0..4) of the interval in which the row's follow-up ends, column 1 the event
                  indicator (1 = the event happened in that interval, 0 = censored at its end).
    ordinal.npz   X float (60, 7): standardised covariates; y int64 (60,): an ordered grade 0..4
                  (a latent score plus logistic noise cut at fixed points).
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(101)


def standardise(a):
    return ((a - a.mean(axis=0)) / a.std(axis=0)).round(4)


# ---------------------------------------------------------------- Cox data
n, d = 48, 8
X = standardise(rng.standard_normal((n, d)))
risk = 0.8 * X[:, 0] - 0.6 * X[:, 1] + 0.5 * np.tanh(X[:, 2] * X[:, 3])
t_event = rng.exponential(6.0 * np.exp(-risk))
t_cens = rng.uniform(2.0, 16.0, n)
time = np.clip(np.ceil(np.minimum(t_event, t_cens)), 1, 12)
event = (t_event <= t_cens).astype(float)
np.savez(here / "cox.npz", X=X, y=np.stack([time, event], axis=1))
print("cox: events", event.mean().round(3), "distinct times", len(np.unique(time)))

# ---------------------------------------------------------------- discrete-time survival
n, d, J = 40, 6, 5
X = standardise(rng.standard_normal((n, d)))
lin = 0.9 * X[:, 0] + 0.5 * X[:, 1] - 0.4 * X[:, 4]
haz = 1.0 / (1.0 + np.exp(-(-1.3 + lin)))
k_ev = np.minimum(rng.geometric(haz) - 1, J)          # J means no event within the horizon
k_cens = rng.integers(1, J + 1, n)                     # censored after interval k_cens - 1
k = np.minimum(np.minimum(k_ev, k_cens - 1), J - 1)
event = ((k_ev <= k) & (k_ev < J)).astype(float)
np.savez(here / "hazard.npz", X=X, y=np.stack([k.astype(float), event], axis=1))
print("hazard: events", event.mean().round(3), "intervals", np.bincount(k, minlength=J))

# ---------------------------------------------------------------- ordinal grades
n, d = 60, 7
X = standardise(rng.standard_normal((n, d)))
latent = 1.2 * X[:, 0] - 0.8 * X[:, 2] + 0.6 * X[:, 5] + rng.logistic(0.0, 0.6, n)
cuts = np.array([-1.4, -0.45, 0.45, 1.4])
grade = np.searchsorted(cuts, latent).astype(np.int64)
np.savez(here / "ordinal.npz", X=X, y=grade)
print("ordinal: grades", np.bincount(grade, minlength=5))
