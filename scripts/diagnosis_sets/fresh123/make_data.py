"""Write the small fixed graphs used by the programs in this folder (seed 0).

gcn.npz    a 40-node graph of three communities, dense adjacency:
           X (40, 12) float32 node features, y (40,) int64 labels,
           A (40, 40) float32 symmetric 0/1 adjacency without self-loops,
           train_mask (40,) bool, the labelled nodes the loss is taken over.
gat.npz    another 40-node, three-community graph, the same arrays.
edges.npz  a 48-node, four-community graph given as an edge list:
           X (48, 10) float32, y (48,) int64,
           edges (2, E) int64, each undirected edge listed once (i < j),
           train_mask (48,) bool,
           drop_masks (8, 48, 16) bool: the dropout keep-masks of the hidden
           layer, one per step (step t uses drop_masks[t % 8]), keep prob 0.5.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def community_graph(rng, n_nodes, n_classes, n_features, p_in, p_out, train_per_class):
    y = np.arange(n_nodes) % n_classes
    rng.shuffle(y)
    same = y[:, None] == y[None, :]
    probs = np.where(same, p_in, p_out)
    upper = np.triu(rng.random((n_nodes, n_nodes)) < probs, k=1)
    A = (upper | upper.T).astype(np.float32)
    centroids = rng.standard_normal((n_classes, n_features))
    X = (0.6 * centroids[y] + rng.standard_normal((n_nodes, n_features))).astype(np.float32)
    train_mask = np.zeros(n_nodes, dtype=bool)
    for c in range(n_classes):
        train_mask[np.flatnonzero(y == c)[:train_per_class]] = True
    return X, y.astype(np.int64), A, train_mask


def main():
    rng = np.random.default_rng(0)

    X, y, A, train_mask = community_graph(rng, 40, 3, 12, 0.25, 0.04, 5)
    np.savez(os.path.join(HERE, "gcn.npz"), X=X, y=y, A=A, train_mask=train_mask)

    X, y, A, train_mask = community_graph(rng, 40, 3, 12, 0.25, 0.04, 5)
    np.savez(os.path.join(HERE, "gat.npz"), X=X, y=y, A=A, train_mask=train_mask)

    X, y, A, train_mask = community_graph(rng, 48, 4, 10, 0.25, 0.03, 4)
    i, j = np.nonzero(np.triu(A, k=1))
    edges = np.stack([i, j]).astype(np.int64)
    drop_masks = rng.random((8, 48, 16)) < 0.5
    np.savez(os.path.join(HERE, "edges.npz"), X=X, y=y, edges=edges,
             train_mask=train_mask, drop_masks=drop_masks)


if __name__ == "__main__":
    main()
