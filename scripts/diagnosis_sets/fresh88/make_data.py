"""Writes the data sets of this folder (seeded): python3 make_data.py

Both sets are short fixed-length tag sequences stored flat: row i of X holds T steps of d features
(X[i].reshape(T, d)), row i of y the T integer tags of those steps. The tags come from a sticky
Markov chain (a tag tends to repeat, some transitions are rare) and each step's features are a
tag-dependent mean plus noise, so per-step emissions and the transitions both carry signal.

    tags.npz     X float (48, 30): T = 6 steps of d = 5 features; y int64 (48, 6): tags in 0..3
    chunks.npz   X float (48, 20): T = 5 steps of d = 4 features; y int64 (48, 5): tags in 0..2
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(88)


def sequences(n, T, d, K, stay, noise):
    trans = np.full((K, K), (1.0 - stay) / (K - 1))
    np.fill_diagonal(trans, stay)
    trans[0, K - 1] *= 0.2                      # a rare transition
    trans /= trans.sum(axis=1, keepdims=True)
    start = rng.dirichlet(np.full(K, 2.0))
    means = rng.normal(0.0, 1.0, (K, d))
    X = np.empty((n, T, d))
    y = np.empty((n, T), dtype=np.int64)
    for i in range(n):
        tag = rng.choice(K, p=start)
        for t in range(T):
            if t > 0:
                tag = rng.choice(K, p=trans[tag])
            y[i, t] = tag
            X[i, t] = means[tag] + noise * rng.standard_normal(d)
    return X.reshape(n, T * d).round(4), y


X1, y1 = sequences(48, 6, 5, 4, stay=0.7, noise=1.1)
np.savez(here / "tags.npz", X=X1, y=y1)
X2, y2 = sequences(48, 5, 4, 3, stay=0.6, noise=1.0)
np.savez(here / "chunks.npz", X=X2, y=y2)
print("tags", X1.shape, np.bincount(y1.ravel()), "chunks", X2.shape, np.bincount(y2.ravel()))
