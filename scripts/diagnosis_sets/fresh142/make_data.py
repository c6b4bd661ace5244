"""Write the small seeded data sets of the fresh142 programs, next to this file.

    layerwise.npz  X float64 (96, 6) features, y int64 (96,) one of 3 classes (a random
                   tanh teacher's argmax)
    lnorm.npz      X float64 (64, 8) features on different scales, y int64 (64,) one of 4 classes
    grouped.npz    X float64 (80, 5) features on different scales, y float64 (80, 2) a smooth
                   function of them plus fixed noise

Nothing random is drawn during training: every program trains on the whole batch.

    python3 scripts/diagnosis_sets/fresh142/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def layerwise(rng):
    X = rng.standard_normal((96, 6))
    T1 = rng.standard_normal((6, 10))
    T2 = rng.standard_normal((10, 3))
    y = np.argmax(np.tanh(X @ T1) @ T2, axis=1).astype(np.int64)
    return X, y


def lnorm(rng):
    scales = np.array([0.5, 1.0, 2.0, 4.0, 0.25, 1.5, 3.0, 0.8])
    X = rng.standard_normal((64, 8)) * scales + rng.uniform(-1, 1, 8)
    T = rng.standard_normal((8, 4))
    y = np.argmax((X / scales) @ T, axis=1).astype(np.int64)
    return X, y


def grouped(rng):
    scales = np.array([1.0, 3.0, 0.3, 2.0, 0.7])
    X = rng.standard_normal((80, 5)) * scales
    Z = X / scales
    y = np.stack([np.sin(Z[:, 0]) + 0.5 * Z[:, 1] * Z[:, 2],
                  np.tanh(Z[:, 3] - Z[:, 4])], axis=1)
    y = y + 0.05 * rng.standard_normal(y.shape)       # fixed noise, part of the data
    return X, y


def main():
    rng = np.random.default_rng(142)
    for name, make in (("layerwise", layerwise), ("lnorm", lnorm), ("grouped", grouped)):
        X, y = make(rng)
        np.savez(os.path.join(HERE, f"{name}.npz"), X=X, y=y)
        print(f"{name}.npz  X {X.dtype} {X.shape}  y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
