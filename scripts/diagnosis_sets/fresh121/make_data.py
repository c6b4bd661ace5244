"""Write the small seeded data sets of the RBF programs in this folder, next to this file.

    rbf_reg.npz  X float64 (64, 3) inputs, y float64 (64, 2) a smooth function of X
                 plus fixed noise (drawn here, once)
    rbf_cls.npz  X float64 (96, 2) points, y int64 (96,) which of three angular sectors
                 (with a few labels flipped here, once)

    python3 scripts/diagnosis_sets/fresh121/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def regression(rng, rows=64):
    X = rng.uniform(-1.5, 1.5, size=(rows, 3))
    noise = 0.05 * rng.standard_normal((rows, 2))
    y = np.stack([np.sin(X[:, 0]) * np.cos(X[:, 1]),
                  np.exp(-0.5 * (X ** 2).sum(axis=1)) - 0.3 * X[:, 2]], axis=1) + noise
    return X, y


def classification(rng, rows=96):
    X = rng.standard_normal((rows, 2)) * 1.2
    angle = np.arctan2(X[:, 1], X[:, 0])                      # (-pi, pi]
    y = ((angle + np.pi) / (2 * np.pi / 3)).astype(np.int64) % 3
    flip = rng.random(rows) < 0.05
    y[flip] = (y[flip] + 1) % 3
    return X, y.astype(np.int64)


if __name__ == "__main__":
    rng = np.random.default_rng(121)
    X, y = regression(rng)
    np.savez(os.path.join(HERE, "rbf_reg.npz"), X=X, y=y)
    X, y = classification(rng)
    np.savez(os.path.join(HERE, "rbf_cls.npz"), X=X, y=y)
    print("wrote rbf_reg.npz", "rbf_cls.npz")
