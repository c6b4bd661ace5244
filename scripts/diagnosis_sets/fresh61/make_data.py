"""Writes the data sets of this folder (seeded): python3 make_data.py

    pinn.npz     X (24, 1) collocation points in (0, 3), y (24, 1) the forcing f(x) of u'' + u = f
    forces.npz   X (40, 2) positions, y (40, 2) forces -grad V of an anharmonic potential
    pendulum.npz X (40, 2) states (q, p) of a damped pendulum, y (40, 2) the state 0.5 later
    orbit.npz    X (40, 2) states (q, p) of an undamped pendulum, y (40, 2) the state 0.3 later
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(61)

X = np.linspace(0.05, 2.95, 24)[:, None]
np.savez(here / "pinn.npz", X=X, y=0.3 * X + 0.2 * np.sin(2.0 * X))

Q = rng.uniform(-1.5, 1.5, size=(40, 2))
F = -np.stack([Q[:, 0] + 0.3 * Q[:, 1] ** 2, 2.0 * Q[:, 1] + 0.6 * Q[:, 0] * Q[:, 1]], axis=1)
np.savez(here / "forces.npz", X=Q, y=F)


def flow(z, damping):
    return np.stack([z[:, 1], -np.sin(z[:, 0]) - damping * z[:, 1]], axis=1)


def advance(z, t, damping, sub=50):
    h = t / sub
    for _ in range(sub):
        k1 = flow(z, damping)
        k2 = flow(z + h / 2 * k1, damping)
        k3 = flow(z + h / 2 * k2, damping)
        k4 = flow(z + h * k3, damping)
        z = z + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
    return z


Z = rng.uniform(-1.5, 1.5, size=(40, 2))
np.savez(here / "pendulum.npz", X=Z, y=advance(Z, 0.5, 0.1))
Z = rng.uniform(-1.5, 1.5, size=(40, 2))
np.savez(here / "orbit.npz", X=Z, y=advance(Z, 0.3, 0.0))
