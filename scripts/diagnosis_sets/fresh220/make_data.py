"""Write the small seeded data sets of the fresh220 programs, next to this file.

    sam.npz  X float32 (32, 6) three Gaussian blobs, y int64 (32,) in {0, 1, 2}
             -- the SAM classifier (tanh MLP, softmax cross-entropy)
    la.npz   X float32 (32, 4), y float32 (32, 2) a smooth nonlinear target plus noise
             -- the Lookahead(AdamW) regressor (sigmoid MLP, MSE)
    gc.npz   X float32 (40, 8), y float32 (40, 1) a nonlinear target plus noise
             -- the gradient-centralised SGD regressor (two ReLU layers, MSE)

No program draws random numbers while training; everything is in these files.

    python3 scripts/diagnosis_sets/fresh220/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def blobs(rng, n, d, classes):
    centers = 1.5 * rng.standard_normal((classes, d))
    y = np.arange(n) % classes
    rng.shuffle(y)
    X = centers[y] + rng.standard_normal((n, d))
    return X.astype(np.float32), y.astype(np.int64)


def regression(rng, n, d, k):
    X = rng.standard_normal((n, d))
    A = rng.standard_normal((d, k)) / np.sqrt(d)
    y = np.sin(X @ A) + 0.3 * (X[:, :k] ** 2) + 0.1 * rng.standard_normal((n, k))
    return X.astype(np.float32), y.astype(np.float32)


def main():
    rng = np.random.default_rng(220)
    X, y = blobs(rng, 32, 6, 3)
    np.savez(os.path.join(HERE, "sam.npz"), X=X, y=y)
    X, y = regression(rng, 32, 4, 2)
    np.savez(os.path.join(HERE, "la.npz"), X=X, y=y)
    X, y = regression(rng, 40, 8, 1)
    np.savez(os.path.join(HERE, "gc.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
