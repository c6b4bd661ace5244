"""Write the seeded data sets of fresh162 next to this file.

    sgns.npz  X int64 (48, 2) (center word, context word) pairs, y float64 (48,) in {0, 1}:
              16 positive pairs taken from windows of a small synthetic corpus over a
              20-word vocabulary, each with 2 negatives drawn from the unigram^0.75
              distribution (same center, label 0); rows shuffled. Centers repeat.
    mf.npz    X int64 (40, 2) (user, item) pairs, distinct, 12 users and 15 items,
              y float64 (40,) ratings 1..5 from a rank-2 latent model with biases and noise.

    python3 scripts/diagnosis_sets/fresh162/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def sgns_data(rng, vocab=20, positives=16, negatives=2, window=2):
    # a corpus with topical structure: words drift in two clusters
    corpus = []
    topic = 0
    for _ in range(200):
        if rng.random() < 0.1:
            topic = 1 - topic
        base = 0 if topic == 0 else vocab // 2
        corpus.append(base + int(rng.integers(0, vocab // 2)))
    corpus = np.array(corpus)
    counts = np.bincount(corpus, minlength=vocab).astype(np.float64)
    noise = counts ** 0.75
    noise /= noise.sum()
    rows, labels = [], []
    for _ in range(positives):
        t = int(rng.integers(window, len(corpus) - window))
        off = int(rng.choice([-2, -1, 1, 2]))
        c, o = int(corpus[t]), int(corpus[t + off])
        rows.append((c, o))
        labels.append(1.0)
        for k in rng.choice(vocab, size=negatives, p=noise):
            rows.append((c, int(k)))
            labels.append(0.0)
    X = np.array(rows, dtype=np.int64)
    y = np.array(labels, dtype=np.float64)
    perm = rng.permutation(len(X))
    return X[perm], y[perm]


def mf_data(rng, users=12, items=15, ratings=40, rank=2):
    U = rng.normal(0.0, 0.8, (users, rank))
    V = rng.normal(0.0, 0.8, (items, rank))
    bu = rng.normal(0.0, 0.4, users)
    bi = rng.normal(0.0, 0.4, items)
    cells = rng.choice(users * items, size=ratings, replace=False)
    u, i = cells // items, cells % items
    r = 3.4 + bu[u] + bi[i] + (U[u] * V[i]).sum(1) + rng.normal(0.0, 0.3, ratings)
    y = np.clip(np.round(r), 1, 5).astype(np.float64)
    X = np.stack([u, i], axis=1).astype(np.int64)
    return X, y


def main():
    rng = np.random.default_rng(162)
    for name, make in (("sgns", sgns_data), ("mf", mf_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
