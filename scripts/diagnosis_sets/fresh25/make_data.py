"""Writes the small data sets the programs here train on (seeded): python3 make_data.py

    three_class.npz   45 points of three Gaussian clusters in 5-d, X (45, 5), one-hot y (45, 3)
    moons.npz         40 points of two interleaving half-moons, X (40, 2), 0/1 y (40, 1)
    quantiles.npz     40 points, X (40, 3), y (40, 1) a smooth curve plus right-skewed noise
    binary.npz        40 points, X (40, 4), 0/1 y (40, 1) from a noisy nonlinear rule
    reviews.npz       30 "reviews" of 6 distinct word ids from a vocabulary of 20, X int64 (30, 6),
                      y (30, 1): 1 where most of the words are from the positive half of the vocabulary
    streetlights.npz  12 patterns of three lights (0/1), X (12, 3), walk/stop y (12, 1)
    surface.npz       40 points, X (40, 4), y (40, 1) a smooth surface of the inputs
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(2525)


def save(name, X, y, x_dtype=np.float64):
    np.savez(here / name, X=np.asarray(X, dtype=x_dtype), y=np.asarray(y, dtype=np.float64))


# three clusters
centres = rng.standard_normal((3, 5)) * 1.4
labels = np.arange(45) % 3
rng.shuffle(labels)
save("three_class.npz", centres[labels] + 0.9 * rng.standard_normal((45, 5)), np.eye(3)[labels])

# two moons
t = rng.uniform(0.0, np.pi, 40)
upper = np.arange(40) % 2 == 0
X = np.where(upper[:, None], np.c_[np.cos(t), np.sin(t)], np.c_[1.0 - np.cos(t), 0.5 - np.sin(t)])
save("moons.npz", X + 0.1 * rng.standard_normal((40, 2)), (~upper).astype(float)[:, None])

# a curve with right-skewed noise
X = rng.uniform(-1.5, 1.5, (40, 3))
y = np.sin(X[:, 0]) + 0.5 * X[:, 1] * X[:, 2] + 0.6 * rng.exponential(1.0, 40)
save("quantiles.npz", X, y[:, None])

# binary rule with label noise
X = rng.standard_normal((40, 4))
score = X[:, 0] * X[:, 1] + np.sin(2 * X[:, 2]) - 0.5 * X[:, 3]
labels = (score + 0.3 * rng.standard_normal(40) > 0).astype(float)
save("binary.npz", X, labels[:, None])

# bags of word ids
words = np.stack([rng.choice(20, size=6, replace=False) for _ in range(30)])
positive = (words < 10).sum(axis=1) > 3
save("reviews.npz", words, positive.astype(float)[:, None], x_dtype=np.int64)

# streetlights
X = rng.integers(0, 2, (12, 3)).astype(float)
X[0] = [1, 0, 1]
y = X[:, 1:2].copy()
save("streetlights.npz", X, y)

# a smooth surface
X = rng.uniform(-1.5, 1.5, (40, 4))
y = np.sin(X[:, 0] * X[:, 1]) + 0.4 * X[:, 2] ** 2 - 0.3 * X[:, 3]
save("surface.npz", X, y[:, None])
