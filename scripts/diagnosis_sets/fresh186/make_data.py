"""Write the small seeded data sets of the fresh186 programs, next to this file.

    euler.npz   X float32 (32, 3), y float32 (32,)   a smooth regression target
                y = sin(2 x0) + 0.5 x1 x2 + 0.1 noise          -- Euler ODE regressor
    rk4.npz     X float32 (48, 4), y int64 (48,) in {0, 1, 2}, three Gaussian blobs
                                                              -- RK4 ODE classifier
    binary.npz  X float32 (40, 2) two interleaved half-moons, y float32 (40,) in {0, 1}
                                                              -- Euler ODE binary classifier

No program draws random numbers while training; everything is in these files.

    python3 scripts/diagnosis_sets/fresh186/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def regression(rng, n=32):
    X = rng.uniform(-1.5, 1.5, size=(n, 3))
    y = np.sin(2 * X[:, 0]) + 0.5 * X[:, 1] * X[:, 2] + 0.1 * rng.standard_normal(n)
    return X.astype(np.float32), y.astype(np.float32)


def blobs(rng, n=48, d=4, classes=3):
    centres = 1.5 * rng.standard_normal((classes, d))
    y = np.arange(n) % classes
    rng.shuffle(y)
    X = centres[y] + 0.8 * rng.standard_normal((n, d))
    return X.astype(np.float32), y.astype(np.int64)


def moons(rng, n=40):
    y = np.arange(n) % 2
    rng.shuffle(y)
    theta = rng.uniform(0, np.pi, size=n)
    X = np.stack([np.cos(theta), np.sin(theta)], axis=1)
    X[y == 1] = np.stack([1 - np.cos(theta[y == 1]), 0.5 - np.sin(theta[y == 1])], axis=1)
    X += 0.1 * rng.standard_normal((n, 2))
    X -= X.mean(axis=0)
    return X.astype(np.float32), y.astype(np.float32)


def main():
    rng = np.random.default_rng(186)
    X, y = regression(rng)
    np.savez(os.path.join(HERE, "euler.npz"), X=X, y=y)
    X, y = blobs(rng)
    np.savez(os.path.join(HERE, "rk4.npz"), X=X, y=y)
    X, y = moons(rng)
    np.savez(os.path.join(HERE, "binary.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
