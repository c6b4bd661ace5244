"""Writes the data sets of this folder (seeded): python3 make_data.py

    arms.npz      X float (60, 3): a joint angle in [-1, 1] and two noisy sensor readings of it;
                  y float (60, 2): a 2-D end point that depends on which of three arm
                  configurations produced the row (a multimodal inverse problem, three
                  branches), plus noise. For the mixture density network.
    sensors.npz   X float (48, 6): standardised sensor features; y float (48, 1): a linear
                  response whose noise level grows with |X[:, 0]| (heteroscedastic).
    prices.npz    X float (40, 5): standardised features; y float (40,): a linear response with
                  heavy-tailed Student-t (df 2) noise, a few outliers. y is one-dimensional.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(92)

# ---------------------------------------------------------------- arms (mixture density network)
n = 60
a = rng.uniform(-1.0, 1.0, n)
branch = rng.integers(0, 3, n)
X = np.stack([a, a + 0.1 * rng.standard_normal(n), np.sin(2.0 * a) + 0.1 * rng.standard_normal(n)], axis=1)
offsets = np.array([[-0.8, 0.4], [0.0, -0.5], [0.9, 0.3]])
y = np.stack([np.sin(2.5 * a), 0.5 * np.cos(2.0 * a)], axis=1) + offsets[branch]
y = y + 0.1 * rng.standard_normal((n, 2))
np.savez(here / "arms.npz", X=X.round(4), y=y.round(4))

# ---------------------------------------------------------------- sensors (heteroscedastic Gaussian)
n, d = 48, 6
X = rng.standard_normal((n, d))
w = rng.normal(0.0, 0.6, d)
std = 0.2 + 0.8 * np.abs(X[:, 0])
y = (X @ w + 0.5 + std * rng.standard_normal(n))[:, None]
np.savez(here / "sensors.npz", X=X.round(4), y=y.round(4))

# ---------------------------------------------------------------- prices (Student-t regression)
n, d = 40, 5
X = rng.standard_normal((n, d))
w = rng.normal(0.0, 0.8, d)
y = X @ w + 1.0 + 0.3 * rng.standard_t(2.0, n)
np.savez(here / "prices.npz", X=X.round(4), y=y.round(4))
print("written arms.npz, sensors.npz, prices.npz")
