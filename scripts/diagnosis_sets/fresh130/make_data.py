"""Write the small data sets of fresh130 (fixed seed).

rprop.npz      X (64, 6) float64, y (64,) int64 in 0..2   full-batch classification (Rprop)
sgdr.npz       X (64, 5) float64, y (64, 1) float64       regression, mini-batches of 16 (Nesterov + warm-up + SGDR)
clr.npz        X (64, 8) float64, y (64,) int64 in 0..3   full-batch classification (dampened momentum + triangular CLR)
clr_masks.npz  masks (32, 64, 24) bool                    the dropout keep-masks, one per step (keep prob 0.75)
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(130)

    X = rng.standard_normal((64, 6))
    W = rng.standard_normal((6, 3))
    y = np.argmax(np.tanh(X @ W) + 0.3 * rng.standard_normal((64, 3)), axis=1).astype(np.int64)
    np.savez(os.path.join(HERE, "rprop.npz"), X=X, y=y)

    X = rng.standard_normal((64, 5))
    w = rng.standard_normal((5, 1))
    y = np.sin(X @ w) + 0.5 * X[:, :1] ** 2 + 0.1 * rng.standard_normal((64, 1))
    np.savez(os.path.join(HERE, "sgdr.npz"), X=X, y=y)

    X = rng.standard_normal((64, 8))
    W = rng.standard_normal((8, 4))
    y = np.argmax(X @ W + 0.5 * rng.standard_normal((64, 4)), axis=1).astype(np.int64)
    np.savez(os.path.join(HERE, "clr.npz"), X=X, y=y)

    masks = rng.random((32, 64, 24)) < 0.75
    np.savez(os.path.join(HERE, "clr_masks.npz"), masks=masks)


if __name__ == "__main__":
    main()
