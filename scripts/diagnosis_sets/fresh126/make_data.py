"""Write the small data sets of the fresh126 programs (fixed seed).

    a.npz  X (64, 2, 8, 8) float64, y (64,) int64 in {0, 1, 2}   (conv + max-pool classifier)
    b.npz  X (64, 3, 8, 8) float64, y (64,) int64 in {0, 1, 2}   (two-conv + global-average-pool classifier)
    c.npz  X (64, 1, 8, 8) float64, y (64, 2) float64            (loop-conv + overlapping max-pool regressor)

No program draws random numbers while training; these files hold all the data.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def patterns(rng, classes, channels):
    """One 8x8 template per class and channel: a bar, a cross, a blob."""
    t = np.zeros((classes, channels, 8, 8))
    for c in range(channels):
        t[0, c, 2 + c % 3, :] = 1.0          # horizontal bar
        t[1, c, :, 5 - c % 3] = 1.0          # vertical bar
        t[2, c, 2:6, 2:6] = 0.7              # square blob
    return t


def classification(rng, n, channels):
    y = np.arange(n) % 3
    rng.shuffle(y)
    t = patterns(rng, 3, channels)
    X = t[y] + 0.4 * rng.standard_normal((n, channels, 8, 8))
    return X, y.astype(np.int64)


def main():
    rng = np.random.default_rng(126)
    Xa, ya = classification(rng, 64, 2)
    np.savez(os.path.join(HERE, "a.npz"), X=Xa, y=ya)

    Xb, yb = classification(rng, 64, 3)
    np.savez(os.path.join(HERE, "b.npz"), X=Xb, y=yb)

    Xc = rng.standard_normal((64, 1, 8, 8))
    # targets: mean brightness of the top half and of the left half, plus a little noise
    yc = np.stack([Xc[:, 0, :4, :].mean(axis=(1, 2)), Xc[:, 0, :, :4].mean(axis=(1, 2))], axis=1)
    yc = 2.0 * yc + 0.05 * rng.standard_normal(yc.shape)
    np.savez(os.path.join(HERE, "c.npz"), X=Xc, y=yc)


if __name__ == "__main__":
    main()
