"""Write the seeded data sets of the fresh203 sparse-autoencoder programs, next to this file.

    kl.npz  X float64 (48, 16) in (0, 1): sparse positive mixtures of 6 smooth bump patterns,
            passed through a squashing so every entry lies in (0.05, 0.95); y = X (the target)
    l1.npz  X float64 (40, 16): sparse combinations (3 active of 24 unit-norm atoms, positive
            coefficients) plus a constant offset and small noise; y = X

    python3 scripts/diagnosis_sets/fresh203/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def kl_data(rng, rows=48, d=16, k=6):
    grid = np.linspace(0.0, 1.0, d)
    centres = np.linspace(0.1, 0.9, k)
    bumps = np.exp(-((grid[None, :] - centres[:, None]) ** 2) / (2 * 0.08 ** 2))   # (k, d)
    coef = rng.exponential(1.0, (rows, k)) * (rng.random((rows, k)) < 0.35)
    raw = coef @ bumps + 0.05 * rng.standard_normal((rows, d))
    X = 0.05 + 0.9 / (1.0 + np.exp(-2.0 * (raw - 0.5)))
    return X, X.copy()


def l1_data(rng, rows=40, d=16, atoms=24, active=3):
    D = rng.standard_normal((atoms, d))
    D /= np.linalg.norm(D, axis=1, keepdims=True)
    codes = np.zeros((rows, atoms))
    for n in range(rows):
        idx = rng.choice(atoms, size=active, replace=False)
        codes[n, idx] = rng.uniform(0.5, 2.0, active)
    X = codes @ D + 0.3 + 0.05 * rng.standard_normal((rows, d))
    return X, X.copy()


def main():
    rng = np.random.default_rng(203)
    for name, make in (("kl", kl_data), ("l1", l1_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
