"""Write the seeded data sets of the fresh209 two-tower retrieval programs, next to this file.

    shuffled.npz  X float64 (32, 22): columns 0..11 a query's features, columns 12..21 an item's
                  features; the items of the batch are in shuffled order, so the positive item of
                  query i is the item in row y[i].  y int64 (32,) a permutation of 0..31.
    paired.npz    X float64 (48, 28): columns 0..15 a query's features, columns 16..27 the
                  features of its own positive item (row i pairs with row i).  y int64 (48,) = 0..47.

Queries and items are noisy linear views of a shared latent code, so the towers can learn to
match them.

    python3 scripts/diagnosis_sets/fresh209/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def views(rng, n, latent, dq, di, noise):
    z = rng.standard_normal((n, latent))
    A_q = rng.standard_normal((latent, dq)) / np.sqrt(latent)
    A_i = rng.standard_normal((latent, di)) / np.sqrt(latent)
    queries = z @ A_q + noise * rng.standard_normal((n, dq))
    items = np.tanh(z @ A_i) + noise * rng.standard_normal((n, di))
    return queries, items


def shuffled(rng, n=32):
    queries, items = views(rng, n, latent=6, dq=12, di=10, noise=0.3)
    y = rng.permutation(n).astype(np.int64)
    items_in_batch = np.empty_like(items)
    items_in_batch[y] = items                  # the positive of query i sits in row y[i]
    X = np.concatenate([queries, items_in_batch], axis=1)
    return X, y


def paired(rng, n=48):
    queries, items = views(rng, n, latent=8, dq=16, di=12, noise=0.25)
    X = np.concatenate([queries, items], axis=1)
    return X, np.arange(n, dtype=np.int64)


if __name__ == "__main__":
    rng = np.random.default_rng(20909)
    X, y = shuffled(rng)
    np.savez(os.path.join(HERE, "shuffled.npz"), X=X, y=y)
    X, y = paired(rng)
    np.savez(os.path.join(HERE, "paired.npz"), X=X, y=y)
    print("wrote shuffled.npz and paired.npz")
