"""Write the seeded synthetic sequence data sets of the fresh171 set, next to this file.

    reg.npz   X float64 (32, 6, 3) random sequences, y float64 (32,) a decaying, saturated
              sum over the sequence (sequence-to-one regression; y is a flat vector)
    cls.npz   X float64 (48, 5, 4) random sequences, y int64 (48,) in {0, 1, 2}: which of three
              running signals is largest at the end of the sequence

    python3 scripts/diagnosis_sets/fresh171/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def regression(rng, n=32, t=6, d=3):
    X = rng.normal(0.0, 1.0, (n, t, d))
    decay = 0.7 ** np.arange(t)[::-1]                       # later steps weigh more
    s = (X[:, :, 0] * decay).sum(axis=1) - 0.5 * (X[:, :, 1] * X[:, :, 2]).mean(axis=1)
    y = np.tanh(0.6 * s) + 0.05 * rng.normal(size=n)
    return X, y


def classification(rng, n=48, t=5, d=4):
    X = rng.normal(0.0, 1.0, (n, t, d))
    run = np.stack([X[:, :, 0].sum(axis=1),
                    X[:, :, 1].sum(axis=1) - 0.5 * X[:, :, 3].sum(axis=1),
                    X[:, :, 2].sum(axis=1) + X[:, -1, 3]], axis=1)
    y = np.argmax(run, axis=1).astype(np.int64)
    return X, y


if __name__ == "__main__":
    rng = np.random.default_rng(171)
    Xr, yr = regression(rng)
    np.savez(os.path.join(HERE, "reg.npz"), X=Xr, y=yr)
    Xc, yc = classification(rng)
    np.savez(os.path.join(HERE, "cls.npz"), X=Xc, y=yc)
    print("reg.npz", Xr.shape, yr.shape, "cls.npz", Xc.shape, np.bincount(yc))
