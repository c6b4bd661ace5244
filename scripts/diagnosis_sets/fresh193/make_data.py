"""Write the small seeded data sets of the fresh193 programs, next to this file.

Every set is padded to a fixed size S; the last feature of each element is its mask
(1.0 for a real element, 0.0 for padding, whose other features are zero).

    mean.npz  X float32 (32, 8, 4): sets of 2..8 points in R^3 + mask,
              y float32 (32,) a noisy mean over the set of x0*x1 + 0.5*x2^2   -- mean-pool regression
    max.npz   X float32 (48, 10, 3): sets of 3..10 points in [-2, 2]^2 + mask,
              y int64 (48,) in {0, 1, 2}: which of max x0, max x1, max -(x0+x1)/sqrt2 is largest
                                                                               -- max-pool classifier
    attn.npz  X float32 (40, 6, 5): sets of 2..6 points in R^4 + mask,
              y float32 (40,) 1.0 when some element has x0 > 1 else 0.0     -- attention-pool BCE

No program draws random numbers while training; everything is in these files.

    python3 scripts/diagnosis_sets/fresh193/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def padded_sets(rng, n, s, d, lo, hi, sampler):
    X = np.zeros((n, s, d + 1))
    sizes = rng.integers(lo, hi + 1, size=n)
    for i, k in enumerate(sizes):
        X[i, :k, :d] = sampler((k, d))
        X[i, :k, d] = 1.0
    return X, sizes


def main():
    rng = np.random.default_rng(193)

    X, sizes = padded_sets(rng, 32, 8, 3, 2, 8, rng.standard_normal)
    f = X[..., 0] * X[..., 1] + 0.5 * X[..., 2] ** 2
    y = (f * X[..., 3]).sum(axis=1) / sizes + 0.05 * rng.standard_normal(32)
    np.savez(os.path.join(HERE, "mean.npz"), X=X.astype(np.float32), y=y.astype(np.float32))

    X, sizes = padded_sets(rng, 48, 10, 2, 3, 10, lambda shape: rng.uniform(-2, 2, shape))
    m = X[..., 2] > 0
    feats = np.stack([np.where(m, X[..., 0], -np.inf).max(axis=1),
                      np.where(m, X[..., 1], -np.inf).max(axis=1),
                      np.where(m, -(X[..., 0] + X[..., 1]) / np.sqrt(2), -np.inf).max(axis=1)],
                     axis=1)
    y = feats.argmax(axis=1)
    np.savez(os.path.join(HERE, "max.npz"), X=X.astype(np.float32), y=y.astype(np.int64))

    X, sizes = padded_sets(rng, 40, 6, 4, 2, 6, rng.standard_normal)
    y = ((X[..., 0] > 1.0) & (X[..., 4] > 0)).any(axis=1).astype(np.float64)
    np.savez(os.path.join(HERE, "attn.npz"), X=X.astype(np.float32), y=y.astype(np.float32))


if __name__ == "__main__":
    main()
