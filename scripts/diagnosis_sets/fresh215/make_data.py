"""Write the small seeded data sets of the fresh215 programs, next to this file.

    cls.npz  X float32 (48, 8) three Gaussian blobs, y int64 (48,) in {0, 1, 2}
             -- Adamax and RAdam classifiers (softmax cross-entropy)
    reg.npz  X float32 (64, 6), y float32 (64, 1) a smooth nonlinear target plus noise
             -- NAdam and ASGD regressors (mean squared error)
    bin.npz  X float32 (40, 10), y float32 (40, 1) in {0, 1}
             -- Adadelta binary classifier (BCE with logits)

No program draws random numbers while training; everything is in these files.

    python3 scripts/diagnosis_sets/fresh215/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def blobs(rng, n, d, classes):
    centres = rng.standard_normal((classes, d)) * 1.5
    y = np.arange(n) % classes
    rng.shuffle(y)
    X = centres[y] + rng.standard_normal((n, d))
    return X.astype(np.float32), y.astype(np.int64)


def regression(rng, n, d):
    X = rng.uniform(-2.0, 2.0, size=(n, d))
    w = rng.standard_normal(d)
    y = np.sin(X @ w * 0.7) + 0.3 * X[:, 0] * X[:, 1] + 0.1 * rng.standard_normal(n)
    return X.astype(np.float32), y[:, None].astype(np.float32)


def binary(rng, n, d):
    X = rng.standard_normal((n, d))
    w = rng.standard_normal(d)
    logit = X @ w + 0.5 * X[:, 0] ** 2 - 0.5
    y = (logit + 0.5 * rng.standard_normal(n) > 0).astype(np.float64)
    return X.astype(np.float32), y[:, None].astype(np.float32)


def main():
    rng = np.random.default_rng(215)
    X, y = blobs(rng, 48, 8, 3)
    np.savez(os.path.join(HERE, "cls.npz"), X=X, y=y)
    X, y = regression(rng, 64, 6)
    np.savez(os.path.join(HERE, "reg.npz"), X=X, y=y)
    X, y = binary(rng, 40, 10)
    np.savez(os.path.join(HERE, "bin.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
