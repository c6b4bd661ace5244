"""Write the seeded data sets of the fresh167 metric-learning programs, next to this file.

    tri.npz   X float64 (48, 10) points around 6 class centres; y int64 (48, 2): for anchor
              row i, y[i, 0] is the row of a positive (same class, another row) and y[i, 1]
              the row of a negative (another class). Rows repeat as positives and negatives.
    ntx.npz   X float64 (32, 2, 6): two augmented views (noise, per-view scale) of 32 points;
              y int64 (32,) the pair ids 0..31 (row i of view 0 and row i of view 1 match).

    python3 scripts/diagnosis_sets/fresh167/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def triplet_data(rng, n=48, d=10, classes=6):
    centres = rng.standard_normal((classes, d)) * 0.8
    labels = np.arange(n) % classes
    rng.shuffle(labels)
    X = centres[labels] + 1.2 * rng.standard_normal((n, d))
    y = np.zeros((n, 2), dtype=np.int64)
    for i in range(n):
        same = np.flatnonzero((labels == labels[i]) & (np.arange(n) != i))
        other = np.flatnonzero(labels != labels[i])
        y[i, 0] = rng.choice(same)
        y[i, 1] = rng.choice(other)
    return X, y


def ntxent_data(rng, n=32, d=6):
    base = rng.standard_normal((n, d))
    views = []
    for _ in range(2):
        scale = rng.uniform(0.8, 1.2, (n, 1))
        views.append(scale * base + 0.3 * rng.standard_normal((n, d)))
    X = np.stack(views, axis=1)
    y = np.arange(n, dtype=np.int64)
    return X, y


if __name__ == "__main__":
    rng = np.random.default_rng(167)
    X, y = triplet_data(rng)
    np.savez(os.path.join(HERE, "tri.npz"), X=X, y=y)
    X, y = ntxent_data(rng)
    np.savez(os.path.join(HERE, "ntx.npz"), X=X, y=y)
