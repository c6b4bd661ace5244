"""Write the seeded data sets of the fresh217 programs next to this file.

    hwy.npz   X float64 (48, 8), y int64 (48,) in {0, 1, 2}: the class of a noisy
              nonlinear score (a few products and a sine of the features)
    grn.npz   X float64 (40, 5), y float64 (40, 1): a smooth function of the features
              plus a little noise

    python3 scripts/diagnosis_sets/fresh217/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def highway_data(rng, rows=48, features=8):
    X = rng.standard_normal((rows, features))
    score = (np.sin(1.5 * X[:, 0]) + X[:, 1] * X[:, 2] - 0.5 * X[:, 3]
             + 0.3 * X[:, 4:].sum(axis=1) + 0.2 * rng.standard_normal(rows))
    cuts = np.quantile(score, [1 / 3, 2 / 3])
    y = np.digitize(score, cuts).astype(np.int64)
    return X, y


def gated_data(rng, rows=40, features=5):
    X = rng.uniform(-2.0, 2.0, (rows, features))
    y = (np.tanh(X[:, 0] - 0.5 * X[:, 1]) + 0.4 * X[:, 2] * X[:, 3]
         - 0.2 * X[:, 4] ** 2 + 0.05 * rng.standard_normal(rows))
    return X, y[:, None]


def main():
    rng = np.random.default_rng(217)
    for name, make in (("hwy", highway_data), ("grn", gated_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
