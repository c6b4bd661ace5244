"""Write the seeded data sets of the fresh223 programs next to this file.

    yogi.npz       X float64 (32, 6), y float64 (32, 1): a smooth function of the features
    adabelief.npz  X float64 (48, 5), y int64 (48,) in {0, 1, 2}: three noisy clusters
    lion.npz       X float64 (40, 8), y float64 (40, 1) in {0, 1}: a noisy linear boundary
    adamw.npz      X float64 (64, 4), y float64 (64, 2): two smooth targets
    adagrad.npz    X float64 (32, 6), y float64 (32, 2): two smooth targets

    python3 scripts/diagnosis_sets/fresh223/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def yogi_data(rng):
    X = rng.standard_normal((32, 6))
    y = np.sin(X[:, 0]) + 0.5 * X[:, 1] * X[:, 2] - 0.3 * X[:, 3] + 0.1 * rng.standard_normal(32)
    return X, y[:, None]


def adabelief_data(rng):
    centers = np.array([[1.5, 0.0, -1.0, 0.5, 0.0],
                        [-1.0, 1.5, 0.5, -0.5, 1.0],
                        [0.0, -1.5, 1.0, 1.0, -1.0]])
    y = rng.integers(0, 3, 48).astype(np.int64)
    X = centers[y] + 0.8 * rng.standard_normal((48, 5))
    return X, y


def lion_data(rng):
    X = rng.standard_normal((40, 8))
    w = rng.standard_normal(8)
    score = X @ w + 0.5 * rng.standard_normal(40)
    return X, (score > 0).astype(np.float64)[:, None]


def adamw_data(rng):
    X = rng.uniform(-2, 2, (64, 4))
    y1 = np.tanh(X[:, 0] - X[:, 1]) + 0.2 * X[:, 2] ** 2
    y2 = np.cos(X[:, 3]) * X[:, 0] * 0.5
    return X, np.stack([y1, y2], axis=1)


def adagrad_data(rng):
    X = rng.standard_normal((32, 6))
    y1 = X[:, :3].sum(axis=1) * 0.4 + 0.2 * X[:, 4] ** 2
    y2 = np.maximum(X[:, 5], 0.0) - 0.3 * X[:, 1]
    return X, np.stack([y1, y2], axis=1)


def main():
    rng = np.random.default_rng(223)
    for name, make in (("yogi", yogi_data), ("adabelief", adabelief_data), ("lion", lion_data),
                       ("adamw", adamw_data), ("adagrad", adagrad_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
