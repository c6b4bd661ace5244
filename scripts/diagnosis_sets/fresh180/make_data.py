"""Write the seeded data sets and the fixed dropout masks of the fresh180 programs, next to this file.

    highway.npz        X float64 (32, 6), y int64 (32,) in {0, 1, 2} (labels of a small random teacher)
    highway_masks.npz  masks bool (3, 2, 32, 16): keep-masks (p_drop 0.2) for 3 steps in a cycle,
                       2 highway blocks, 32 rows, 16 units
    glu.npz            X float64 (48, 5), y float64 (48, 2) two smooth targets with a little noise
    glu_masks.npz      masks bool (2, 2, 24, 24): keep-masks (p_drop 0.1) for the 2 micro-batches,
                       2 GLU blocks, 24 rows, 24 hidden units

    python3 scripts/diagnosis_sets/fresh180/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def highway_data(rng, n=32, d=6, classes=3):
    X = rng.standard_normal((n, d))
    W1 = rng.standard_normal((d, 8))
    W2 = rng.standard_normal((8, classes))
    y = np.argmax(np.tanh(X @ W1) @ W2, axis=1).astype(np.int64)
    masks = rng.random((3, 2, n, 16)) >= 0.2
    return X, y, masks


def glu_data(rng, n=48, d=5):
    X = rng.standard_normal((n, d))
    y0 = np.sin(X[:, 0]) + 0.5 * X[:, 1] * X[:, 2]
    y1 = np.tanh(X[:, 3] - X[:, 4]) + 0.3 * X[:, 0] ** 2
    y = np.stack([y0, y1], axis=1) + 0.05 * rng.standard_normal((n, 2))
    masks = rng.random((2, 2, n // 2, 24)) >= 0.1
    return X, y, masks


def main():
    rng = np.random.default_rng(180)
    for name, make in (("highway", highway_data), ("glu", glu_data)):
        X, y, masks = make(rng)
        np.savez(os.path.join(HERE, f"{name}.npz"), X=X, y=y)
        np.savez(os.path.join(HERE, f"{name}_masks.npz"), masks=masks)
        print(f"{name}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}, masks {masks.shape} "
              f"keep {masks.mean():.3f}")


if __name__ == "__main__":
    main()
