"""Writes the data sets of this folder (seeded): python3 make_data.py

    counts.npz    X float (48, 7): seven raw site covariates on their own scales (temperature,
                  elevation in metres, a rainfall index, ...), not standardised; y float (48, 1):
                  a count per site (species seen in a survey), Poisson with a log-linear rate,
                  mostly 0 to 12.
    yields.npz    X float (40, 10): ten raw process measurements on mixed scales; y float (40, 1):
                  a positive, heavy-tailed yield (log-normal with Student-t noise, a few large
                  outliers), fitted on log1p(y).
    claims.npz    X float (60, 6): six raw policy covariates; y float (60, 1): claim amounts in
                  currency units, a compound Poisson-Gamma (Tweedie) draw: about a third exact zeros,
                  the rest positive and skewed; fitted on y / 100.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(116)

# ---------------------------------------------------------------- species counts
n, d = 48, 7
loc = np.array([12.0, 850.0, 3.5, 0.4, 60.0, -2.0, 7.5])
scale = np.array([4.0, 300.0, 1.2, 0.15, 20.0, 1.5, 2.0])
Z = rng.standard_normal((n, d))
X = loc + scale * Z
w = np.array([0.45, -0.3, 0.25, 0.0, 0.15, -0.2, 0.1])
log_rate = 1.0 + Z @ w + 0.25 * np.tanh(Z[:, 0] * Z[:, 2])
y = rng.poisson(np.exp(log_rate)).astype(float)
np.savez(here / "counts.npz", X=X.round(3), y=y[:, None])

# ---------------------------------------------------------------- heavy-tailed yields
n, d = 40, 10
loc = rng.uniform(-5.0, 50.0, d)
scale = rng.uniform(0.2, 15.0, d)
Z = rng.standard_normal((n, d))
X = loc + scale * Z
w = rng.normal(0.0, 0.35, d)
log_y = 2.0 + Z @ w + 0.3 * np.sin(2.0 * Z[:, 1]) + 0.35 * rng.standard_t(2.5, n)
y = np.exp(log_y)
np.savez(here / "yields.npz", X=X.round(4), y=y.round(3)[:, None])

# ---------------------------------------------------------------- insurance claims
n, d = 60, 6
loc = np.array([42.0, 1.0, 15000.0, 0.3, 5.0, 2.0])
scale = np.array([12.0, 0.5, 6000.0, 0.2, 3.0, 1.0])
Z = rng.standard_normal((n, d))
X = loc + scale * Z
w = np.array([-0.2, 0.3, 0.25, 0.15, -0.1, 0.2])
mu = 100.0 * np.exp(0.1 + Z @ w)          # mean claim amount
# compound Poisson-Gamma with power 1.5: N ~ Poisson(lam), each claim Gamma(shape, scale)
p, phi = 1.5, 20.0
lam = mu ** (2 - p) / (phi * (2 - p))
shape = (2 - p) / (p - 1)
gscale = phi * (p - 1) * mu ** (p - 1)
counts = rng.poisson(lam)
y = np.array([rng.gamma(shape, gscale[i], counts[i]).sum() for i in range(n)])
np.savez(here / "claims.npz", X=X.round(3), y=y.round(2)[:, None])
print("counts mean", np.load(here / "counts.npz")["y"].mean().round(2),
      "yields max", np.load(here / "yields.npz")["y"].max().round(1),
      "claims zeros", (y == 0).mean().round(2), "claims mean", y.mean().round(1))
