"""Write the seeded data sets of the fresh182 programs next to this file.

    sobolev.npz  X float64 (32, 1) points in [-2, 2]; y float64 (32, 2):
                 y[:, 0] noisy values of u*(x) = sin(1.5 x) + 0.3 x,
                 y[:, 1] noisy values of its derivative u*'(x) = 1.5 cos(1.5 x) + 0.3
    pinn.npz     X float64 (48, 1) points in [0, 2]; y float64 (48, 2):
                 y[:, 0] noisy observations of u*(x) = sin(2 x) + 0.5 x,
                 y[:, 1] the forcing f(x) of the ODE u' + A u = f with A = 1, exact:
                 f = 2 cos(2 x) + 0.5 + A (sin(2 x) + 0.5 x)

    python3 scripts/diagnosis_sets/fresh182/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def sobolev(rng, n=32):
    x = np.sort(rng.uniform(-2.0, 2.0, n))
    u = np.sin(1.5 * x) + 0.3 * x + 0.05 * rng.standard_normal(n)
    du = 1.5 * np.cos(1.5 * x) + 0.3 + 0.05 * rng.standard_normal(n)
    return x[:, None], np.stack([u, du], axis=1)


def pinn(rng, n=48, a=1.0):
    x = np.sort(rng.uniform(0.0, 2.0, n))
    u_true = np.sin(2 * x) + 0.5 * x
    u_obs = u_true + 0.05 * rng.standard_normal(n)
    f = 2 * np.cos(2 * x) + 0.5 + a * u_true
    return x[:, None], np.stack([u_obs, f], axis=1)


if __name__ == "__main__":
    rng = np.random.default_rng(182)
    X, y = sobolev(rng)
    np.savez(os.path.join(HERE, "sobolev.npz"), X=X, y=y)
    X, y = pinn(rng)
    np.savez(os.path.join(HERE, "pinn.npz"), X=X, y=y)
    print("wrote sobolev.npz and pinn.npz")
