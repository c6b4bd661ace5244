"""Data for fresh212: small recommender data sets drawn from a latent-factor model (fixed seed).

    mf.npz        explicit ratings: X (160, 2) int64 (user, item), y (160,) ratings in 1..5
    implicit.npz  implicit feedback: X (192, 2) int64 (user, item), y (192,) in {0, 1};
                  each observed (positive) pair is followed in the file by two negatives
                  sampled uniformly among the items the user has not interacted with
    bpr.npz       pairwise triples: X (160, 3) int64 (user, positive item, sampled negative item),
                  y (160,) ones (unused by the BPR loss)

20 users, 30 items.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
N_USERS, N_ITEMS, K_TRUE = 20, 30, 3


def main():
    rng = np.random.default_rng(212)
    U = rng.standard_normal((N_USERS, K_TRUE))
    V = rng.standard_normal((N_ITEMS, K_TRUE))
    bu = 0.4 * rng.standard_normal(N_USERS)
    bi = 0.6 * rng.standard_normal(N_ITEMS)

    # explicit ratings
    u = rng.integers(0, N_USERS, 160)
    i = rng.integers(0, N_ITEMS, 160)
    r = 3.5 + bu[u] + bi[i] + 0.5 * (U[u] * V[i]).sum(1) + 0.3 * rng.standard_normal(160)
    r = np.clip(np.rint(r), 1, 5)
    np.savez(os.path.join(HERE, "mf.npz"), X=np.stack([u, i], 1).astype(np.int64),
             y=r.astype(np.float64))
    print("mf.npz mean rating", r.mean())

    # implicit feedback with sampled negatives
    score = U @ V.T + bi[None, :]
    prob = np.exp(score) / np.exp(score).sum(1, keepdims=True)
    seen = {uu: set() for uu in range(N_USERS)}
    rows, labels = [], []
    while len(rows) < 192:
        uu = int(rng.integers(0, N_USERS))
        ii = int(rng.choice(N_ITEMS, p=prob[uu]))
        if ii in seen[uu]:
            continue
        seen[uu].add(ii)
        rows.append((uu, ii))
        labels.append(1.0)
        for _ in range(2):
            while True:
                jj = int(rng.integers(0, N_ITEMS))
                if jj not in seen[uu]:
                    break
            rows.append((uu, jj))
            labels.append(0.0)
    np.savez(os.path.join(HERE, "implicit.npz"), X=np.array(rows, dtype=np.int64),
             y=np.array(labels, dtype=np.float64))

    # BPR triples
    trip = []
    while len(trip) < 160:
        uu = int(rng.integers(0, N_USERS))
        ii = int(rng.choice(N_ITEMS, p=prob[uu]))
        jj = int(rng.integers(0, N_ITEMS))
        if jj == ii:
            continue
        trip.append((uu, ii, jj))
    X = np.array(trip, dtype=np.int64)
    np.savez(os.path.join(HERE, "bpr.npz"), X=X, y=np.ones(len(X)))
    print("bpr item 0 rows in first 64:", int(((X[:64, 1:] == 0)).sum()))


if __name__ == "__main__":
    main()
