"""Data for the fresh222 set: padded sets for three Deep Sets networks (fixed seed).

    sets_mean.npz  X (48, 10, 3) float64: two features per element and, in channel 2, the mask
                   (1.0 real element, 0.0 padding; padded slots are all zero); y (48,) float64,
                   the mean over the set of x0 * x1 + 0.5 sin(2 x0), plus a little noise.
    sets_max.npz   X (40, 8, 4) float64, padded slots all zero (the padding value), real
                   elements standard normal; y (40,) int64, the feature among the first three
                   with the largest maximum over the set.
    sets_sum.npz   X (32, 12, 4) float64: feature 0 a positive value, features 1-3 a one-hot
                   category; padded slots all zero; y (32,) float64 in {0, 1}: whether the total
                   value of category-0 elements exceeds 1.5.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def sizes(rng, n, lo, hi):
    return rng.integers(lo, hi + 1, size=n)


def mean_sets(rng, n=48, s=10):
    X = np.zeros((n, s, 3))
    y = np.zeros(n)
    for i, k in enumerate(sizes(rng, n, 2, s)):
        el = rng.standard_normal((k, 2))
        X[i, :k, :2] = el
        X[i, :k, 2] = 1.0
        y[i] = np.mean(el[:, 0] * el[:, 1] + 0.5 * np.sin(2 * el[:, 0]))
    y += 0.05 * rng.standard_normal(n)
    return X, y


def max_sets(rng, n=40, s=8):
    X = np.zeros((n, s, 4))
    y = np.zeros(n, dtype=np.int64)
    for i, k in enumerate(sizes(rng, n, 2, s)):
        el = rng.standard_normal((k, 4))
        X[i, :k] = el
        y[i] = int(np.argmax(el[:, :3].max(axis=0)))
    return X, y


def sum_sets(rng, n=32, s=12):
    X = np.zeros((n, s, 4))
    y = np.zeros(n)
    for i, k in enumerate(sizes(rng, n, 1, s)):
        val = rng.uniform(0.2, 1.2, size=k)
        cat = rng.integers(0, 3, size=k)
        X[i, :k, 0] = val
        X[i, np.arange(k), 1 + cat] = 1.0
        y[i] = float(val[cat == 0].sum() > 1.5)
    return X, y


if __name__ == "__main__":
    rng = np.random.default_rng(222)
    X, y = mean_sets(rng)
    np.savez(os.path.join(HERE, "sets_mean.npz"), X=X, y=y)
    X, y = max_sets(rng)
    np.savez(os.path.join(HERE, "sets_max.npz"), X=X, y=y)
    X, y = sum_sets(rng)
    np.savez(os.path.join(HERE, "sets_sum.npz"), X=X, y=y)
    for name in ("sets_mean", "sets_max", "sets_sum"):
        d = np.load(os.path.join(HERE, name + ".npz"))
        print(name, d["X"].shape, d["y"].shape, d["y"].dtype, np.round(d["y"][:8], 3))
