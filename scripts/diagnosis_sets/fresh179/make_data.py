"""Data for the fresh179 click-through models (fixed seed).

fm.npz  X int64 (32, 4): raw category id per field, field cardinalities (6, 10, 8, 4);
        y float64 (32,) in {0, 1}, drawn from a planted logistic model.
wd.npz  X int64 (32, 3): field cardinalities (7, 9, 5); y float64 (32,) in {0, 1}.

Every category of every field occurs at least once, so every embedding row gets a gradient.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def fields(rng, n, cards):
    cols = []
    for c in cards:
        col = np.concatenate([np.arange(c), rng.integers(0, c, n - c)])
        rng.shuffle(col)
        cols.append(col)
    return np.stack(cols, axis=1).astype(np.int64)


def labels(rng, X, cards):
    score = np.zeros(X.shape[0])
    for f, c in enumerate(cards):
        effect = rng.standard_normal(c)
        score += effect[X[:, f]]
    p = 1.0 / (1.0 + np.exp(-(score - score.mean())))
    return (rng.random(X.shape[0]) < p).astype(np.float64)


def main():
    rng = np.random.default_rng(179)
    cards = (6, 10, 8, 4)
    X = fields(rng, 32, cards)
    np.savez(os.path.join(HERE, "fm.npz"), X=X, y=labels(rng, X, cards))
    cards = (7, 9, 5)
    X = fields(rng, 32, cards)
    np.savez(os.path.join(HERE, "wd.npz"), X=X, y=labels(rng, X, cards))


if __name__ == "__main__":
    main()
