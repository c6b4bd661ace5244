"""Writes the data sets of this folder (seeded): python3 make_data.py

Each row is one training pair drawn in advance, so that the NumPy program and its port see the
same draws: the clean point x0, the timestep (or noise-level) index and the Gaussian noise.

    ddpm.npz   X float (48, 3): x0 (2) on a noisy ring of radius 1.5, timestep t in 0..39;
               y float (48, 2): the noise eps (the epsilon-prediction target)
    vpred.npz  X float (40, 3): x0 (2) on a two-arm spiral, timestep t in 0..99;
               y float (40, 2): the noise eps (the v target is built from x0, eps and t)
    dsm.npz    X float (36, 3): x0 (2) from a mixture of four Gaussians, noise-level index 0..7;
               y float (36, 2): the standard normal z (x_noisy = x0 + sigma z)
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(68)

n = 48
angle = rng.uniform(0.0, 2.0 * np.pi, n)
radius = 1.5 + 0.1 * rng.standard_normal(n)
x0 = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
t = rng.integers(0, 40, n)
eps = rng.standard_normal((n, 2))
np.savez(here / "ddpm.npz", X=np.concatenate([x0, t[:, None]], axis=1).astype(float), y=eps)

n = 40
s = rng.uniform(0.2, 1.0, n)
arm = rng.integers(0, 2, n)
theta = 3.0 * np.pi * s + np.pi * arm
x0 = np.stack([s * np.cos(theta), s * np.sin(theta)], axis=1) * 2.0 + 0.05 * rng.standard_normal((n, 2))
t = rng.integers(0, 100, n)
eps = rng.standard_normal((n, 2))
np.savez(here / "vpred.npz", X=np.concatenate([x0, t[:, None]], axis=1).astype(float), y=eps)

n = 36
centres = np.array([[1.0, 1.0], [-1.0, 1.0], [-1.0, -1.0], [1.0, -1.0]])
comp = rng.integers(0, 4, n)
x0 = centres[comp] + 0.2 * rng.standard_normal((n, 2))
idx = rng.integers(0, 8, n)
z = rng.standard_normal((n, 2))
np.savez(here / "dsm.npz", X=np.concatenate([x0, idx[:, None]], axis=1).astype(float), y=z)
print("ddpm 48 rows, vpred 40 rows, dsm 36 rows")
