"""Writes the small data sets the programs here train on. python3 make_data.py

    blobs.npz       48 points of three Gaussian blobs in 4-d, X (48, 4), one-hot y (48, 3)
    wave.npz        40 points, X (40, 3) on [-2, 2], y = sin(x0) + 0.5 x1 x2 + noise (40, 1)
    counts.npz      40 rows of event counts, X (40, 3) integers 1..~60, y a noisy log-linear response (40, 1)
    sensors.npz     40 readings of 8 correlated sensors in [0, 1] (two latent factors), X (40, 8), y = X
    prices.npz      40 houses, X (40, 4) standardised features, y the price in $100k (40, 1), mean ~4.5
    outliers.npz    40 points of a noisy line with six gross outliers, X (40, 2), y (40, 1)
    imbalanced.npz  40 points of three classes, 22 / 12 / 6 rows, X (40, 5), one-hot y (40, 3)
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(2121)


def save(name, X, y):
    np.savez(os.path.join(HERE, name), X=np.asarray(X, dtype=np.float64), y=np.asarray(y, dtype=np.float64))


# three blobs
centres = np.array([[1.5, 0.0, -1.0, 0.5], [-1.0, 1.5, 0.5, -0.5], [0.0, -1.5, 1.0, 1.0]])
labels = np.arange(48) % 3
rng.shuffle(labels)
save("blobs.npz", centres[labels] + 0.8 * rng.standard_normal((48, 4)), np.eye(3)[labels])

# a smooth regression surface
X = rng.uniform(-2.0, 2.0, (40, 3))
save("wave.npz", X, (np.sin(X[:, 0]) + 0.5 * X[:, 1] * X[:, 2])[:, None] + 0.1 * rng.standard_normal((40, 1)))

# event counts
X = 1 + rng.poisson(lam=[20.0, 5.0, 40.0], size=(40, 3))
y = 0.6 * np.log1p(X[:, 0]) - 0.4 * np.log1p(X[:, 1]) + 0.3 * np.log1p(X[:, 2]) - 1.0
save("counts.npz", X, y[:, None] + 0.05 * rng.standard_normal((40, 1)))

# sensors driven by two latent factors
factors = rng.uniform(0.0, 1.0, (40, 2))
mixing = rng.uniform(0.0, 1.0, (2, 8))
S = np.clip(factors @ mixing / mixing.sum(axis=0) + 0.05 * rng.standard_normal((40, 8)), 0.0, 1.0)
save("sensors.npz", S, S)

# house prices
X = rng.standard_normal((40, 4))
save("prices.npz", X, (4.5 + X @ np.array([0.8, -0.4, 0.5, 0.2]) + 0.3 * rng.standard_normal(40))[:, None])

# a line with outliers
X = rng.uniform(-1.0, 1.0, (40, 2))
y = 1.5 * X[:, 0] - 0.7 * X[:, 1] + 0.1 * rng.standard_normal(40)
y[rng.choice(40, 6, replace=False)] += rng.choice([-4.0, 4.0], 6)
save("outliers.npz", X, y[:, None])

# imbalanced classes
labels = np.repeat([0, 1, 2], [22, 12, 6])
rng.shuffle(labels)
centres = rng.standard_normal((3, 5)) * 1.2
save("imbalanced.npz", centres[labels] + rng.standard_normal((40, 5)), np.eye(3)[labels])
