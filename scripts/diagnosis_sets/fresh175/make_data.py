"""Synthetic node-classification graphs for the fresh175 set (fixed seed).

gcn.npz        X (40, 10) node features, y (40,) int64 labels in {0, 1, 2}
gcn_graph.npz  A (40, 40) symmetric 0/1 adjacency without self-loops, train_mask (40,) bool,
               in_masks (4, 40, 10) bool  keep-masks of the input dropout (p = 0.2), one per step mod 4,
               hid_masks (4, 40, 16) bool keep-masks of the hidden dropout (p = 0.5)
sage.npz       X (48, 8), y (48,) int64 labels in {0, 1, 2, 3}
sage_graph.npz A (48, 48), train_mask (48,) bool, hid_masks (3, 48, 12) bool (p = 0.3)

Graphs are stochastic block models (more edges inside a class), every node has a neighbour.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def sbm(rng, y, p_in, p_out):
    n = len(y)
    same = y[:, None] == y[None, :]
    prob = np.where(same, p_in, p_out)
    upper = np.triu(rng.random((n, n)) < prob, k=1)
    A = (upper | upper.T).astype(np.float64)
    for i in range(n):
        if A[i].sum() == 0:
            cands = [j for j in range(n) if j != i and y[j] == y[i]]
            j = rng.choice(cands)
            A[i, j] = A[j, i] = 1.0
    return A


def features(rng, y, n_feat, n_cls, noise):
    centres = rng.standard_normal((n_cls, n_feat))
    return centres[y] + noise * rng.standard_normal((len(y), n_feat))


def train_mask(rng, y, per_class):
    mask = np.zeros(len(y), dtype=bool)
    for c in np.unique(y):
        idx = np.flatnonzero(y == c)
        mask[rng.choice(idx, per_class, replace=False)] = True
    return mask


def main():
    rng = np.random.default_rng(175)

    # GCN graph
    n, f, c, h = 40, 10, 3, 16
    y = rng.integers(0, c, n).astype(np.int64)
    X = features(rng, y, f, c, 1.2)
    A = sbm(rng, y, 0.3, 0.04)
    np.savez(os.path.join(HERE, "gcn.npz"), X=X, y=y)
    np.savez(os.path.join(HERE, "gcn_graph.npz"), A=A, train_mask=train_mask(rng, y, 5),
             in_masks=rng.random((4, n, f)) >= 0.2, hid_masks=rng.random((4, n, h)) >= 0.5)

    # GraphSAGE graph
    n, f, c, h = 48, 8, 4, 12
    y = rng.integers(0, c, n).astype(np.int64)
    X = features(rng, y, f, c, 1.0)
    A = sbm(rng, y, 0.25, 0.03)
    np.savez(os.path.join(HERE, "sage.npz"), X=X, y=y)
    np.savez(os.path.join(HERE, "sage_graph.npz"), A=A, train_mask=train_mask(rng, y, 5),
             hid_masks=rng.random((3, n, h)) >= 0.3)


if __name__ == "__main__":
    main()
