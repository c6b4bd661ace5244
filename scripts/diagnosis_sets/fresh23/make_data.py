"""Writes the small data sets the programs here train on. python3 make_data.py

    three_class.npz   45 points of three Gaussian clusters in 5-d, X (45, 5), one-hot y (45, 3)
    moons.npz         40 points of two interleaving half-moons with noise, X (40, 2), 0/1 y (40, 1)
    curves.npz        40 points, X (40, 3) on [-1.5, 1.5], two smooth targets y (40, 2)
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(2323)


def save(name, X, y):
    np.savez(os.path.join(HERE, name), X=np.asarray(X, dtype=np.float64), y=np.asarray(y, dtype=np.float64))


# three clusters
centres = rng.standard_normal((3, 5)) * 1.3
labels = np.arange(45) % 3
rng.shuffle(labels)
save("three_class.npz", centres[labels] + 0.9 * rng.standard_normal((45, 5)), np.eye(3)[labels])

# two moons
t = rng.uniform(0.0, np.pi, 40)
upper = np.arange(40) % 2 == 0
X = np.where(upper[:, None], np.c_[np.cos(t), np.sin(t)], np.c_[1.0 - np.cos(t), 0.5 - np.sin(t)])
save("moons.npz", X + 0.15 * rng.standard_normal((40, 2)), (~upper).astype(float)[:, None])

# two smooth curves
X = rng.uniform(-1.5, 1.5, (40, 3))
y = np.c_[np.sin(1.5 * X[:, 0]) + 0.3 * X[:, 2], np.cos(X[:, 1]) - 0.5 * X[:, 0] * X[:, 2]]
save("curves.npz", X, y + 0.05 * rng.standard_normal((40, 2)))
