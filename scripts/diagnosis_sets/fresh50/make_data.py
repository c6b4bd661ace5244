"""Writes the data sets of this folder (seeded): python3 make_data.py

    ordinal.npz   X float (40, 4), y float (40, 1): a rating 0..3 cut from a latent score (proportional odds)
    survival.npz  X float (30, 3), y float (30, 2): column 0 the follow-up time (distinct, rows sorted by it,
                  ascending), column 1 the event indicator (1 = event, 0 = censored; the last row censored)
    claims.npz    X float (40, 4), y float (40, 1): columns 0-2 features, column 3 log(exposure) (exposure
                  1.2 .. 4); Poisson counts with rate exposure * exp(f(x))
    choice.npz    X float (45, 4), y one-hot (45, 3): a multinomial logit's choices
    robust.npz    X float (40, 3), y float (40, 1): a linear signal with heavy-tailed noise and outliers of
                  both signs
    ridge.npz     X float (30, 5), y float (30, 1): a linear signal with an intercept of 2
    binary.npz    X float (40, 4), y 0/1 (40, 1)
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(50)

X = rng.standard_normal((40, 4))
latent = X @ np.array([0.9, -0.6, 0.5, 0.3]) + rng.logistic(0, 0.5, 40)
np.savez(here / "ordinal.npz", X=X, y=np.digitize(latent, [-0.7, 0.1, 0.9]).astype(float)[:, None])

X = rng.standard_normal((30, 3))
hazard = np.exp(X @ np.array([0.7, -0.5, 0.3]))
t = rng.exponential(1.0 / hazard)
c = rng.exponential(1.5, 30)
time, event = np.minimum(t, c), (t <= c).astype(float)
order = np.argsort(time)
X, time, event = X[order], time[order], event[order]
event[-1] = 0.0
np.savez(here / "survival.npz", X=X, y=np.column_stack([time, event]))

F = rng.standard_normal((40, 3))
expo = rng.uniform(1.2, 4.0, 40)
rate = expo * np.exp(0.2 + F @ np.array([0.4, -0.3, 0.25]))
np.savez(here / "claims.npz", X=np.column_stack([F, np.log(expo)]), y=rng.poisson(rate).astype(float)[:, None])

X = rng.standard_normal((45, 4))
util = np.column_stack([np.zeros(45), X @ rng.normal(0, 1, (4, 2))]) + rng.gumbel(size=(45, 3))
np.savez(here / "choice.npz", X=X, y=np.eye(3)[util.argmax(1)])

X = rng.standard_normal((40, 3))
y = X @ np.array([1.0, -0.5, 0.8]) + 0.3 + 0.5 * rng.standard_t(2, 40)
y[[3, 11, 25]] += [6.0, -7.0, -5.0]
np.savez(here / "robust.npz", X=X, y=y[:, None])

X = rng.standard_normal((30, 5))
y = 2.0 + X @ np.array([1.0, -0.8, 0.5, 0.0, 0.3]) + rng.normal(0, 0.5, 30)
np.savez(here / "ridge.npz", X=X, y=y[:, None])

X = rng.standard_normal((40, 4))
y = (X @ np.array([1.2, -0.8, 0.5, 0.4]) + rng.logistic(0, 0.7, 40) > 0.3).astype(float)
np.savez(here / "binary.npz", X=X, y=y[:, None])
