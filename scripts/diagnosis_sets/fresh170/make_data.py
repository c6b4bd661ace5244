"""Write the two seeded segmentation data sets the fresh170 programs train on, next to this file.

    seg1d.npz  X float64 (32, 1, 16) noisy 1-D signals with one or two raised pulses,
               y float64 (32, 1, 16) the per-sample mask of the pulses (1 inside, 0 outside)
    seg2d.npz  X float64 (16, 1, 8, 8) noisy images with one bright rectangle,
               y float64 (16, 1, 8, 8) the rectangle's mask

    python3 scripts/diagnosis_sets/fresh170/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def seg1d(rng, rows=32, length=16):
    X = 0.3 * rng.standard_normal((rows, 1, length))
    y = np.zeros((rows, 1, length))
    for n in range(rows):
        for _ in range(rng.integers(1, 3)):
            width = rng.integers(2, 6)
            start = rng.integers(0, length - width + 1)
            y[n, 0, start:start + width] = 1.0
        X[n, 0] += y[n, 0] * rng.uniform(0.8, 1.5)
    return X, y


def seg2d(rng, rows=16, size=8):
    X = 0.25 * rng.standard_normal((rows, 1, size, size))
    y = np.zeros((rows, 1, size, size))
    for n in range(rows):
        h, w = rng.integers(2, 5), rng.integers(2, 5)
        r, c = rng.integers(0, size - h + 1), rng.integers(0, size - w + 1)
        y[n, 0, r:r + h, c:c + w] = 1.0
        X[n, 0] += y[n, 0] * rng.uniform(0.7, 1.3)
    return X, y


def main():
    rng = np.random.default_rng(170)
    for name, make in (("seg1d", seg1d), ("seg2d", seg2d)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}, mask mean {y.mean():.2f}")


if __name__ == "__main__":
    main()
