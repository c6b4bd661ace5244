"""Write the seeded data sets of fresh174 next to this file.

    mt2.npz  X float64 (48, 10), y float64 (48, 2): column 0 the class in {0, 1, 2, 3}
             (kept as a float), column 1 a regression target with a few large outliers
             (so a Huber loss with delta 1.5 sees both of its regions)
    mt3.npz  X float64 (40, 8), y float64 (40, 3): column 0 the class in {0, 1, 2}, columns
             1 and 2 two regression targets

    python3 scripts/diagnosis_sets/fresh174/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def mt2(rng, n=48, d=10, k=4):
    X = rng.standard_normal((n, d))
    centres = rng.standard_normal((k, d)) * 1.5
    scores = X @ centres.T + 0.5 * rng.standard_normal((n, k))
    cls = scores.argmax(axis=1)
    reg = 0.8 * X[:, 0] - 0.5 * X[:, 3] * X[:, 4] + 0.3 * rng.standard_normal(n)
    outliers = rng.choice(n, size=6, replace=False)
    reg[outliers] += rng.choice([-4.0, 4.0], size=6)
    return X, np.stack([cls.astype(np.float64), reg], axis=1)


def mt3(rng, n=40, d=8, k=3):
    X = rng.standard_normal((n, d))
    cls = (X[:, 0] + X[:, 1] > 0.5).astype(int) + (X[:, 2] > 0.8).astype(int)
    r1 = np.sin(X[:, 3]) + 0.4 * X[:, 5] + 0.2 * rng.standard_normal(n)
    r2 = 0.5 * X[:, 6] ** 2 - X[:, 7] + 0.1 * rng.standard_normal(n)
    return X, np.stack([cls.astype(np.float64), r1, r2], axis=1)


if __name__ == "__main__":
    rng = np.random.default_rng(174)
    X, y = mt2(rng)
    np.savez(os.path.join(HERE, "mt2.npz"), X=X, y=y)
    X, y = mt3(rng)
    np.savez(os.path.join(HERE, "mt3.npz"), X=X, y=y)
