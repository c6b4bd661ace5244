"""Data for the fresh210 set (fixed seed): two small classification sets.

    sgdr.npz  X (48, 10) float64, y (48,) int64 in {0, 1, 2, 3}: four Gaussian blobs
    step.npz  X (32, 6)  float64, y (32,) int64 in {0, 1, 2}: three blobs, one noisy feature pair
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def blobs(rng, n, d, k, spread):
    centers = rng.normal(0.0, 1.5, size=(k, d))
    y = np.arange(n) % k
    rng.shuffle(y)
    X = centers[y] + spread * rng.normal(size=(n, d))
    return X.astype(np.float64), y.astype(np.int64)


def main():
    rng = np.random.default_rng(210)
    X, y = blobs(rng, 48, 10, 4, 1.2)
    np.savez(os.path.join(HERE, "sgdr.npz"), X=X, y=y)
    X, y = blobs(rng, 32, 6, 3, 1.0)
    X[:, 4:] = rng.normal(0.0, 2.0, size=(32, 2))
    np.savez(os.path.join(HERE, "step.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
