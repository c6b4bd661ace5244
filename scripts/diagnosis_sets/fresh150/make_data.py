"""Write the small seeded data sets of the fresh150 programs, next to this file.

    bn.npz   X float32 (32, 2, 6, 6) noisy two-channel images of one of three patterns,
             y int64 (32,) which pattern (0, 1, 2)        -- BatchNorm2d net
    gn.npz   X float32 (32, 1, 6, 6) one-channel images, y int64 (32,)  -- GroupNorm net
    in.npz   X float32 (24, 3, 5, 5) three-channel images with a random contrast and
             offset per image, y int64 (24,)              -- InstanceNorm net

No program draws random numbers while training; everything is in these files.

    python3 scripts/diagnosis_sets/fresh150/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def patterns(rng, n, c, h, w, classes=3, noise=0.5, contrast=False):
    templates = rng.standard_normal((classes, c, h, w))
    y = np.arange(n) % classes
    rng.shuffle(y)
    X = templates[y] + noise * rng.standard_normal((n, c, h, w))
    if contrast:
        scale = rng.uniform(0.5, 2.0, size=(n, 1, 1, 1))
        offset = rng.uniform(-1.0, 1.0, size=(n, 1, 1, 1))
        X = scale * X + offset
    return X.astype(np.float32), y.astype(np.int64)


def main():
    rng = np.random.default_rng(150)
    X, y = patterns(rng, 32, 2, 6, 6)
    np.savez(os.path.join(HERE, "bn.npz"), X=X, y=y)
    X, y = patterns(rng, 32, 1, 6, 6)
    np.savez(os.path.join(HERE, "gn.npz"), X=X, y=y)
    X, y = patterns(rng, 24, 3, 5, 5, contrast=True)
    np.savez(os.path.join(HERE, "in.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
