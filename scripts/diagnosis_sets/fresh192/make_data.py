"""Write the small seeded data sets of the fresh192 programs (mixture density networks), next to this file.

    mdn1d.npz  X float32 (48, 1), y float32 (48, 1): the inverted sine problem (x = t + 0.3 sin(2 pi t)
               + noise, predict t from x), multi-valued for x near the middle -- 1-D MDN, K = 3
    mdn2d.npz  X float32 (40, 2), y float32 (40, 2): a 2-D target drawn from one of three branches
               around a smooth function of the input -- 2-D MDN, K = 4

No program draws random numbers while training; everything is in these files.

    python3 scripts/diagnosis_sets/fresh192/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def inverted_sine(rng, n):
    t = rng.uniform(0.0, 1.0, size=(n, 1))
    x = t + 0.3 * np.sin(2 * np.pi * t) + 0.05 * rng.standard_normal((n, 1))
    return ((x - 0.5) * 2.0).astype(np.float32), ((t - 0.5) * 2.0).astype(np.float32)


def branches(rng, n):
    X = rng.uniform(-1.0, 1.0, size=(n, 2))
    branch = rng.integers(0, 3, size=n)
    offsets = np.array([[-0.8, 0.3], [0.0, -0.5], [0.8, 0.4]])
    base = np.stack([np.sin(2.0 * X[:, 0]), X[:, 0] * X[:, 1]], axis=1)
    y = base + offsets[branch] + 0.1 * rng.standard_normal((n, 2))
    return X.astype(np.float32), y.astype(np.float32)


def main():
    rng = np.random.default_rng(192)
    X, y = inverted_sine(rng, 48)
    np.savez(os.path.join(HERE, "mdn1d.npz"), X=X, y=y)
    X, y = branches(rng, 40)
    np.savez(os.path.join(HERE, "mdn2d.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
