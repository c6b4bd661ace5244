"""Data for the fresh165 set (fixed seed): small image-classification batches.

    res.npz   X (32, 2, 8, 8) float32, y (32,) int64 in {0, 1, 2, 3}
              two-channel images: a bright blob in one of the four quadrants (the class)
              on Gaussian noise, channel 1 a blurred copy of channel 0
    down.npz  X (48, 3, 8, 8) float32, y (48,) int64 in {0, 1, 2}
              three-channel images: horizontal, vertical or diagonal stripes (the class)
              with a random phase and colour weights, plus noise

    python3 scripts/diagnosis_sets/fresh165/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def quadrant_blobs(rng, n=32, size=8):
    y = rng.integers(0, 4, size=n)
    X = rng.standard_normal((n, 2, size, size)) * 0.5
    ii, jj = np.mgrid[0:size, 0:size]
    for k in range(n):
        ci = (1.5 if y[k] in (0, 1) else 5.5) + rng.uniform(-1, 1)
        cj = (1.5 if y[k] in (0, 2) else 5.5) + rng.uniform(-1, 1)
        blob = np.exp(-((ii - ci) ** 2 + (jj - cj) ** 2) / 3.0)
        X[k, 0] += 2.0 * blob
        X[k, 1] += 1.2 * np.exp(-((ii - ci) ** 2 + (jj - cj) ** 2) / 6.0)
    return X.astype(np.float32), y.astype(np.int64)


def stripes(rng, n=48, size=8):
    y = rng.integers(0, 3, size=n)
    X = rng.standard_normal((n, 3, size, size)) * 0.3
    ii, jj = np.mgrid[0:size, 0:size]
    for k in range(n):
        phase = rng.uniform(0, 2 * np.pi)
        coord = (ii, jj, ii + jj)[y[k]]
        pattern = np.sin(coord * 1.6 + phase)
        colour = rng.uniform(0.4, 1.2, size=3)
        X[k] += colour[:, None, None] * pattern
    return X.astype(np.float32), y.astype(np.int64)


if __name__ == "__main__":
    rng = np.random.default_rng(165)
    X, y = quadrant_blobs(rng)
    np.savez(os.path.join(HERE, "res.npz"), X=X, y=y)
    X, y = stripes(rng)
    np.savez(os.path.join(HERE, "down.npz"), X=X, y=y)
    print("wrote res.npz and down.npz")
