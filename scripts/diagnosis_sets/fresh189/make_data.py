"""Write the two seeded data sets of fresh189 next to this file.

    kan_reg.npz  X float64 (48, 4) features on different scales and offsets,
                 y float64 (48, 2) a smooth function of them (plus a little noise)
    kan_cls.npz  X float64 (40, 5) standardised features, y int64 (40,) in {0, 1, 2}
                 (the arg-max of three fixed nonlinear scores)

    python3 scripts/diagnosis_sets/fresh189/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def regression(rng, rows=48):
    base = rng.standard_normal((rows, 4))
    X = base * np.array([0.5, 2.0, 1.0, 3.0]) + np.array([0.3, -1.0, 0.0, 2.0])
    y0 = np.sin(base[:, 0]) + 0.5 * base[:, 1] * base[:, 2]
    y1 = np.cos(base[:, 3]) - 0.3 * base[:, 0] + 0.2 * base[:, 2] ** 2
    y = np.stack([y0, y1], axis=1) + 0.05 * rng.standard_normal((rows, 2))
    return X, y


def classification(rng, rows=40):
    X = rng.standard_normal((rows, 5))
    scores = np.stack([np.sin(2 * X[:, 0]) + X[:, 1],
                       X[:, 2] * X[:, 3],
                       np.tanh(X[:, 4]) - 0.5 * X[:, 0]], axis=1)
    y = scores.argmax(axis=1).astype(np.int64)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    return X, y


if __name__ == "__main__":
    rng = np.random.default_rng(189)
    X, y = regression(rng)
    np.savez(os.path.join(HERE, "kan_reg.npz"), X=X, y=y)
    X, y = classification(rng)
    np.savez(os.path.join(HERE, "kan_cls.npz"), X=X, y=y)
