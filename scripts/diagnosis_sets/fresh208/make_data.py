"""Data for the fresh208 set: count regression with an exposure offset (Poisson) and
overdispersed counts (negative binomial). Fixed seed; run from anywhere."""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(208)

# Poisson: 5 features and, in the last column, the exposure (e.g. policy-years at risk).
N, D = 48, 5
feats = rng.standard_normal((N, D))
exposure = rng.uniform(0.5, 3.0, size=N)
log_rate = 0.4 * feats[:, 0] - 0.3 * feats[:, 1] + 0.2 * np.tanh(feats[:, 2] * feats[:, 3]) + 0.1
y = rng.poisson(exposure * np.exp(log_rate)).astype(np.float64)
X = np.column_stack([feats, exposure])
np.savez(os.path.join(HERE, "poisson.npz"), X=X, y=y)

# Negative binomial: gamma-Poisson mixture, dispersion growing with the second feature.
N, D = 40, 4
X = rng.standard_normal((N, D))
mu = np.exp(0.8 + 0.5 * X[:, 0] - 0.4 * X[:, 2])
alpha = 0.3 + 0.4 / (1 + np.exp(-X[:, 1]))
lam = rng.gamma(shape=1 / alpha, scale=alpha * mu)
y = rng.poisson(lam).astype(np.float64)
np.savez(os.path.join(HERE, "negbin.npz"), X=X, y=y)
print("poisson.npz, negbin.npz written")
