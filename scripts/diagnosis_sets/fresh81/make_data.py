"""Writes the data sets of this folder (seeded): python3 make_data.py

    claims.npz    X float (48, 6): six standardised policy features;
                  y float (48, 2): column 0 the claim count of each policy, column 1 its exposure
                  (policy-years on risk, 0.3 to 2.0). A Poisson model with a log link adds
                  log(exposure) to its linear predictor as an offset.
    visits.npz    X float (60, 5): five standardised patient features;
                  y float (60,): overdispersed visit counts (a gamma-Poisson mixture, true
                  dispersion alpha = 0.5), for a negative-binomial regression.
    survival.npz  X float (40, 6): six standardised covariates; y float (40, 2): column 0 the
                  follow-up time in whole months (1..18, with ties), column 1 the event
                  indicator (1 died / failed, 0 censored). The rows are in enrolment order,
                  not sorted by time.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(81)


def standardise(a):
    return ((a - a.mean(axis=0)) / a.std(axis=0)).round(4)


# ---------------------------------------------------------------- Poisson claims with exposure
n, d = 48, 6
X = standardise(rng.standard_normal((n, d)))
exposure = rng.uniform(0.3, 2.0, n).round(3)
beta = np.array([0.4, -0.3, 0.2, 0.0, 0.25, -0.15])
log_rate = -0.2 + X @ beta + 0.3 * np.sin(X[:, 0] * X[:, 1])
counts = rng.poisson(exposure * np.exp(log_rate)).astype(float)
np.savez(here / "claims.npz", X=X, y=np.stack([counts, exposure], axis=1))

# ---------------------------------------------------------------- negative-binomial visits
n, d = 60, 5
X = standardise(rng.standard_normal((n, d)))
beta = np.array([0.35, -0.25, 0.15, 0.1, -0.2])
mu = np.exp(0.9 + X @ beta)
alpha = 0.5
lam = rng.gamma(1.0 / alpha, alpha * mu)
visits = rng.poisson(lam).astype(float)
np.savez(here / "visits.npz", X=X, y=visits)

# ---------------------------------------------------------------- Cox survival with censoring and ties
n, d = 40, 6
X = standardise(rng.standard_normal((n, d)))
beta = np.array([0.6, -0.4, 0.3, 0.0, 0.2, -0.3])
hazard = 0.08 * np.exp(X @ beta + 0.3 * X[:, 2] ** 2)
t_event = rng.exponential(1.0 / hazard)
t_cens = rng.uniform(3.0, 22.0, n)
time = np.clip(np.ceil(np.minimum(t_event, t_cens)), 1, 18)
event = (t_event <= t_cens).astype(float)
np.savez(here / "survival.npz", X=X, y=np.stack([time, event], axis=1))

print("claims: mean count", counts.mean().round(2), "max", counts.max(),
      "| visits: mean", visits.mean().round(2), "max", visits.max(), "var", visits.var().round(2),
      "| survival: events", int(event.sum()), "distinct times", len(np.unique(time)),
      "tied event times", int(event.sum()) - len(np.unique(time[event == 1])))
