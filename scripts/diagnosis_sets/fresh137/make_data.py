"""Write the small data sets of fresh137/ (fixed seed).

    sparse.npz  X (64, 6) float64, y (64, 5) float64 one-hot targets   (sparsemax network)
    hinge.npz   X (64, 6) float64, y (64,)   int64 labels in 0..3      (Weston-Watkins squared hinge)
    cs.npz      X (64, 8) float64, y (64,)   int64 labels in 0..2      (Crammer-Singer linear SVM)

No program draws random numbers while training, so nothing else is stored.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def blobs(rng, n, d, k, spread=1.0):
    centers = rng.standard_normal((k, d)) * 1.5
    labels = rng.integers(0, k, size=n)
    X = centers[labels] + spread * rng.standard_normal((n, d))
    return X.astype(np.float64), labels.astype(np.int64)


def main():
    rng = np.random.default_rng(137)

    X, lab = blobs(rng, 64, 6, 5, spread=1.2)
    Y = np.eye(5)[lab]
    np.savez(os.path.join(HERE, "sparse.npz"), X=X, y=Y)

    X, lab = blobs(rng, 64, 6, 4, spread=1.3)
    np.savez(os.path.join(HERE, "hinge.npz"), X=X, y=lab)

    X, lab = blobs(rng, 64, 8, 3, spread=1.5)
    np.savez(os.path.join(HERE, "cs.npz"), X=X, y=lab)


if __name__ == "__main__":
    main()
