"""Write the seeded implicit-feedback data sets of this set, next to this file.

Each file holds BPR training triples drawn from a small synthetic user-item preference
matrix (a low-rank taste model): X int64 (N, 3) rows (user, positive item, negative item),
the positive among the user's preferred items, the negative drawn uniformly among the
items the user has not interacted with; y float64 (N,) all ones (every triple observed).

    mf.npz    X (48, 3), 12 users, 20 items    (BPR matrix factorisation)
    ncf.npz   X (40, 3), 14 users, 24 items    (NeuMF: GMF + MLP tower)

    python3 scripts/diagnosis_sets/fresh194/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def triples(rng, n_users, n_items, rows, rank=3, liked=5):
    U = rng.standard_normal((n_users, rank))
    V = rng.standard_normal((n_items, rank))
    pref = U @ V.T + 0.3 * rng.standard_normal((n_users, n_items))
    top = np.argsort(-pref, axis=1)[:, :liked]          # each user's interacted items
    X = []
    users = np.concatenate([np.arange(n_users), rng.integers(0, n_users, rows - n_users)])
    rng.shuffle(users)
    for u in users:
        pos = rng.choice(top[u])
        others = np.setdiff1d(np.arange(n_items), top[u])
        neg = rng.choice(others)
        X.append((u, pos, neg))
    X = np.array(X, dtype=np.int64)
    # item 0 must occur (as a positive or a negative) in every set
    if not (X[:, 1:] == 0).any():
        u = X[0, 0]
        X[0, 1 if 0 in top[u] else 2] = 0
    return X, np.ones(rows)


def main():
    rng = np.random.default_rng(194)
    for name, (n_users, n_items, rows) in (("mf", (12, 20, 48)), ("ncf", (14, 24, 40))):
        X, y = triples(rng, n_users, n_items, rows)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}; "
              f"users {len(np.unique(X[:, 0]))}, items {len(np.unique(X[:, 1:]))}, "
              f"item 0 rows {int((X[:, 1:] == 0).any(axis=1).sum())}")


if __name__ == "__main__":
    main()
