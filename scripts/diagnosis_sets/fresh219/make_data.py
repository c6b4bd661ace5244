"""Write the seeded data sets of the fresh219 programs (robust and noisy-label losses), next to this file.

    gce.npz    X float64 (48, 6), y int64 (48,) in {0..3}: four Gaussian blobs, 30% of the labels
               replaced by a random class (symmetric label noise)
    sce.npz    X float64 (40, 8), y int64 (40,) in {0, 1, 2}: a noisy linear rule, 25% of the labels
               flipped to the next class (asymmetric noise)
    boot.npz   X float64 (32, 5), y int64 (32,) in {0, 1, 2}: blobs, 20% random labels
    huber.npz  X float64 (48, 4), y float64 (48, 1): a smooth target with 10% gross outliers
    tukey.npz  X float64 (40, 3), y float64 (40,): a smooth target with 15% gross outliers (+-4..8)

    python3 scripts/diagnosis_sets/fresh219/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def blobs(rng, n, d, k, noise_rate, spread=1.0):
    centres = rng.standard_normal((k, d)) * 1.5
    y = rng.integers(0, k, n)
    X = centres[y] + spread * rng.standard_normal((n, d))
    flip = rng.random(n) < noise_rate
    y = np.where(flip, rng.integers(0, k, n), y)
    return X, y.astype(np.int64)


def main():
    rng = np.random.default_rng(219)

    X, y = blobs(rng, 48, 6, 4, 0.30)
    np.savez(os.path.join(HERE, "gce.npz"), X=X, y=y)

    X = rng.standard_normal((40, 8))
    score = X @ rng.standard_normal(8)
    y = np.digitize(score, np.quantile(score, [1 / 3, 2 / 3])).astype(np.int64)
    flip = rng.random(40) < 0.25
    y = np.where(flip, (y + 1) % 3, y).astype(np.int64)
    np.savez(os.path.join(HERE, "sce.npz"), X=X, y=y)

    X, y = blobs(rng, 32, 5, 3, 0.20)
    np.savez(os.path.join(HERE, "boot.npz"), X=X, y=y)

    X = rng.uniform(-1.5, 1.5, (48, 4))
    t = np.sin(X[:, 0]) + 0.5 * X[:, 1] * X[:, 2] - 0.3 * X[:, 3] + 0.05 * rng.standard_normal(48)
    out = rng.random(48) < 0.10
    t = np.where(out, t + rng.choice([-1, 1], 48) * rng.uniform(3, 6, 48), t)
    np.savez(os.path.join(HERE, "huber.npz"), X=X, y=t[:, None])

    X = rng.standard_normal((40, 3))
    t = np.tanh(X[:, 0]) - 0.5 * X[:, 1] + 0.3 * X[:, 2] ** 2 + 0.1 * rng.standard_normal(40)
    out = rng.random(40) < 0.15
    t = np.where(out, t + rng.choice([-1, 1], 40) * rng.uniform(4, 8, 40), t)
    np.savez(os.path.join(HERE, "tukey.npz"), X=X, y=t)


if __name__ == "__main__":
    main()
