"""Data for the fresh230 sparsemax set (fixed seed).

a.npz: sequence classification. X (24, 20) float64 = 24 sequences of T=5 steps
       of D=4 features, flattened row-major (T, D); y (24,) int64 in {0, 1, 2}.
b.npz: multi-class classification. X (30, 5) float64, y (30,) int64 in {0..3}.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(230)
    N, T, D, C = 24, 5, 4, 3
    Xs = rng.standard_normal((N, T, D))
    R = rng.standard_normal((D, C))
    # the class is read off the step with the largest first feature
    key = Xs[np.arange(N), Xs[:, :, 0].argmax(axis=1)]
    y = (key @ R).argmax(axis=1).astype(np.int64)
    np.savez(os.path.join(HERE, "a.npz"), X=Xs.reshape(N, T * D), y=y)

    N, D, K = 30, 5, 4
    X = rng.standard_normal((N, D))
    R = rng.standard_normal((D, K))
    y = (X @ R + 0.3 * rng.standard_normal((N, K))).argmax(axis=1).astype(np.int64)
    np.savez(os.path.join(HERE, "b.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
