"""Data for the fresh158 set: two small fixed graphs for node classification (fixed seed).

gcn.npz   (GCN pair)        X (40, 10) float, y (40,) int64 in {0, 1, 2},
                            A (40, 40) symmetric 0/1 adjacency without self-loops,
                            train_mask (40,) bool (18 labelled nodes)
sage.npz  (GraphSAGE pair)  X (48, 6) float, y (48,) int64 in {0, 1, 2, 3},
                            A (48, 48) symmetric 0/1 adjacency without self-loops (every node
                            has at least one neighbour), train_mask (48,) bool (20 labelled nodes),
                            src, dst (E,) int64: the directed edge list of A (both directions)

Both graphs are stochastic block models: nodes of the same class link more often.
Node features are noisy class prototypes.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def sbm(rng, n, classes, p_in, p_out):
    y = np.repeat(np.arange(classes), n // classes + 1)[:n]
    rng.shuffle(y)
    same = y[:, None] == y[None, :]
    probs = np.where(same, p_in, p_out)
    upper = np.triu(rng.random((n, n)) < probs, k=1)
    A = (upper | upper.T).astype(np.float64)
    # give every isolated node one neighbour of its class
    for i in np.where(A.sum(1) == 0)[0]:
        cands = [j for j in range(n) if j != i and y[j] == y[i]]
        j = rng.choice(cands)
        A[i, j] = A[j, i] = 1.0
    return A, y.astype(np.int64)


def features(rng, y, classes, dim, noise):
    protos = rng.standard_normal((classes, dim))
    return protos[y] + noise * rng.standard_normal((len(y), dim))


def train_mask(rng, y, per_class):
    mask = np.zeros(len(y), dtype=bool)
    for c in np.unique(y):
        idx = np.where(y == c)[0]
        mask[rng.choice(idx, per_class, replace=False)] = True
    return mask


def main():
    rng = np.random.default_rng(158)

    A, y = sbm(rng, 40, 3, 0.25, 0.03)
    X = features(rng, y, 3, 10, 1.5)
    np.savez(os.path.join(HERE, "gcn.npz"), X=X, y=y, A=A, train_mask=train_mask(rng, y, 6))

    A, y = sbm(rng, 48, 4, 0.22, 0.03)
    X = features(rng, y, 4, 6, 1.2)
    src, dst = np.nonzero(A)
    np.savez(os.path.join(HERE, "sage.npz"), X=X, y=y, A=A, train_mask=train_mask(rng, y, 5),
             src=src.astype(np.int64), dst=dst.astype(np.int64))


if __name__ == "__main__":
    main()
