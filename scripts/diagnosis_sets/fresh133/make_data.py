"""Write the small data sets of this folder (fixed seed).

    accum.npz   regression, X (64, 6) float, y (64, 2) float: a random tanh teacher plus noise
    ema.npz     3-class classification, X (60, 5) float, y (60,) int64 labels
    wd.npz      binary classification, X (56, 4) float, y (56, 1) float 0/1 (56 rows: micro-batches of 16
                leave a last one of 8)
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(133)

    X = rng.normal(size=(64, 6))
    T1 = rng.normal(size=(6, 5))
    T2 = rng.normal(size=(5, 2))
    y = np.tanh(X @ T1) @ T2 + 0.1 * rng.normal(size=(64, 2))
    np.savez(os.path.join(HERE, "accum.npz"), X=X, y=y)

    X = rng.normal(size=(60, 5))
    centers = rng.normal(scale=1.5, size=(3, 5))
    y = np.argmin(((X[:, None, :] - centers[None]) ** 2).sum(-1) + 0.5 * rng.normal(size=(60, 3)), axis=1)
    np.savez(os.path.join(HERE, "ema.npz"), X=X, y=y.astype(np.int64))

    X = rng.normal(size=(56, 4))
    w = rng.normal(size=(4,))
    y = ((X @ w + 0.5 * np.sin(3 * X[:, 0]) + 0.3 * rng.normal(size=56)) > 0).astype(np.float64)[:, None]
    np.savez(os.path.join(HERE, "wd.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
