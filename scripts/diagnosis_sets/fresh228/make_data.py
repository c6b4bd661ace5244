"""Seeded data for the DANN programs of this set, written next to this file.

    dann_cls.npz  X float64 (32, 5): 4 features, then the source mask (1 source, 0 target);
                  y int64 (32,) class in {0, 1, 2} (read only on source rows)
    dann_reg.npz  X float64 (36, 4): 3 features, then the source mask;
                  y float64 (36, 1) regression target (read only on source rows)

The domain label of a row is 1 - mask (target rows are domain 1).

    python3 scripts/diagnosis_sets/fresh228/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def cls_data(rng, n=32, d=4, k=3):
    mask = (np.arange(n) % 2 == 0).astype(np.float64)
    rng.shuffle(mask)
    centers = rng.standard_normal((k, d)) * 1.5
    y = rng.integers(0, k, size=n)
    X = centers[y] + rng.standard_normal((n, d)) * 0.7
    X[mask == 0] += np.array([0.8, -0.5, 0.3, 0.6])      # domain shift on the target rows
    return np.column_stack([X, mask]), y.astype(np.int64)


def reg_data(rng, n=36, d=3):
    mask = (np.arange(n) % 3 != 0).astype(np.float64)
    rng.shuffle(mask)
    X = rng.standard_normal((n, d))
    X[mask == 0] = X[mask == 0] * 1.4 + 0.5
    y = np.sin(X[:, 0]) + 0.5 * X[:, 1] * X[:, 2] + 0.1 * rng.standard_normal(n)
    return np.column_stack([X, mask]), y.reshape(n, 1)


if __name__ == "__main__":
    rng = np.random.default_rng(228)
    X, y = cls_data(rng)
    np.savez(os.path.join(HERE, "dann_cls.npz"), X=X, y=y)
    X, y = reg_data(rng)
    np.savez(os.path.join(HERE, "dann_reg.npz"), X=X, y=y)
