"""Data for the fresh214 set (fixed seed): written next to this file.

    mt.npz      X (48, 6) float64, three Gaussian clusters; y (48,) int64 in {0, 1, 2},
                -1 for the unlabeled rows (about half), for the mean-teacher classifier.
    polyak.npz  X (40, 5) float64; y (40, 2) float64, a smooth function of X plus noise,
                for the EMA-teacher regressor.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(214)

    centers = rng.normal(0.0, 1.5, (3, 6))
    labels = rng.integers(0, 3, 48)
    X = centers[labels] + rng.normal(0.0, 1.0, (48, 6))
    y = labels.astype(np.int64).copy()
    unlabeled = rng.random(48) < 0.5
    y[unlabeled] = -1
    np.savez(os.path.join(HERE, "mt.npz"), X=X, y=y)

    Xr = rng.normal(0.0, 1.0, (40, 5))
    yr = np.stack([np.sin(Xr[:, 0]) + 0.5 * Xr[:, 1] * Xr[:, 2],
                   np.tanh(Xr[:, 3] - Xr[:, 4]) + 0.3 * Xr[:, 0]], axis=1)
    yr = yr + 0.05 * rng.normal(0.0, 1.0, yr.shape)
    np.savez(os.path.join(HERE, "polyak.npz"), X=Xr, y=yr)


if __name__ == "__main__":
    main()
