"""Write the seeded data sets of the fresh224 neural-ODE programs next to this file.

    rk4.npz    X float64 (48, 4) features, y float64 (48,) a smooth nonlinear target
               (regression; the RK4 neural ODE regressor)
    euler.npz  X float64 (40, 2) points on three noisy interleaved arcs, y int64 (40,) in {0, 1, 2}
               (classification; the Euler neural ODE classifier)

    python3 scripts/diagnosis_sets/fresh224/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def rk4_data(rng, rows=48):
    X = rng.standard_normal((rows, 4))
    y = np.sin(X[:, 0]) + 0.5 * X[:, 1] * X[:, 2] - 0.3 * np.tanh(X[:, 3]) + 0.05 * rng.standard_normal(rows)
    return X, y


def euler_data(rng, rows=40):
    y = rng.integers(0, 3, rows).astype(np.int64)
    r = rng.uniform(0.3, 1.2, rows)
    theta = 2.0 * np.pi * y / 3.0 + 1.5 * r + 0.15 * rng.standard_normal(rows)
    X = np.stack([r * np.cos(theta), r * np.sin(theta)], axis=1)
    return X, y


def main():
    rng = np.random.default_rng(224)
    for name, make in (("rk4", rk4_data), ("euler", euler_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
