"""Data for the fresh183 learning-to-rank set (fixed seed).

data.npz:
    X (8, 6, 10) float64: 8 queries, each a list of 6 items, 10 (query, item) features per item
    y (8, 6)     float64: graded relevance in {0, 1, 2, 3}; every list holds at least one
                 relevant item (IDCG > 0) and at least two distinct grades.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(183)
    Q, L, D = 8, 6, 10
    w_true = rng.standard_normal(D)
    X = rng.standard_normal((Q, L, D))
    # a query-level offset in some features, as real (query, item) features have
    X[:, :, :3] += rng.standard_normal((Q, 1, 3))
    y = np.zeros((Q, L))
    for q in range(Q):
        while True:
            latent = X[q] @ w_true + 0.7 * rng.standard_normal(L)
            # grades by within-list quantiles: 0 for the bottom, 3 for the top
            ranks = np.argsort(np.argsort(latent))
            grades = np.clip(np.floor(ranks * 4 / L + rng.uniform(-0.5, 0.5, L)), 0, 3)
            if grades.max() > 0 and len(np.unique(grades)) >= 2:
                break
        y[q] = grades
    np.savez(os.path.join(HERE, "data.npz"), X=X, y=y)
    print("X", X.shape, "y", y.shape)
    print(y)


if __name__ == "__main__":
    main()
