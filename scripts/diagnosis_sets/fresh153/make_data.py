"""Data for the fresh153 set: tiny images for two small residual conv nets.

    resbn.npz     X (16, 2, 8, 8) float32, y (16,) int64 in {0, 1, 2}
    resplain.npz  X (12, 1, 8, 8) float32, y (12,) int64 in {0, 1, 2}

Each class adds its own fixed pattern to Gaussian noise; fixed seed, nothing random later.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def make(rng, n, c, size, classes):
    patterns = rng.standard_normal((classes, c, size, size))
    y = np.arange(n) % classes
    rng.shuffle(y)
    X = 0.8 * rng.standard_normal((n, c, size, size)) + patterns[y]
    return X.astype(np.float32), y.astype(np.int64)


def main():
    rng = np.random.default_rng(153)
    X, y = make(rng, 16, 2, 8, 3)
    np.savez(os.path.join(HERE, "resbn.npz"), X=X, y=y)
    X, y = make(rng, 12, 1, 8, 3)
    np.savez(os.path.join(HERE, "resplain.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
