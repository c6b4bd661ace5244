"""Writes the data sets of this folder (seeded): python3 make_data.py

    club.npz       an undirected graph of 20 nodes in 3 communities: X float (20, 4) node
                   features, y one-hot (20, 3) community; edges int64 (E, 2), each undirected
                   edge once (i < j); nbrs int64 (20, 3), three neighbours sampled per node
                   with replacement (GraphSAGE's fixed-size neighbourhood)
    coauthor.npz   an undirected graph of 16 nodes: X float (16, 5), y float (16, 1) a smooth
                   function of the neighbourhood's features; edges int64 (E, 2), i < j
    citations.npz  a directed graph of 18 nodes (edge i -> j: paper i cites paper j, every node
                   cited at least once and citing at least once): X float (18, 4), y one-hot
                   (18, 2); edges int64 (E, 2) as (source, target)
    ratings.npz    60 ratings of 15 items by 12 users: X int64 (60, 2) (user, item), y float
                   (60, 1) stars 1..5 from a rank-2 taste model plus noise
    links.npz      link prediction on 16 nodes: X int64 (56, 2) node pairs, y float (56, 1):
                   1 for the 28 observed edges, 0 for 28 sampled non-edges
    molecules.npz  24 small graphs of 7 nodes: X float (24, 7, 10), X[:, :, :7] the symmetric
                   0/1 adjacency, X[:, :, 7:] three node features; y one-hot (24, 2)
    fields.npz     48 impressions: X float (48, 16), one-hot user (6 columns) then one-hot item
                   (10 columns); y float (48, 1) click
    baskets.npz    40 users' purchase counts of 10 items: X float (40, 10) counts 0..3 (seven
                   users bought nothing; the last row is not empty); y float (40, 1) a label
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(37)


def undirected(n, p_in, p_out, groups):
    A = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < (p_in if groups[i] == groups[j] else p_out):
                A[i, j] = A[j, i] = 1.0
    for i in range(n):          # no isolated node
        if A[i].sum() == 0:
            j = (i + 1) % n
            A[i, j] = A[j, i] = 1.0
    return A


def edge_list(A):
    i, j = np.nonzero(np.triu(A, 1))
    return np.stack([i, j], axis=1).astype(np.int64)


# club: three communities
groups = np.repeat(np.arange(3), [7, 7, 6])
A = undirected(20, 0.45, 0.06, groups)
centres = rng.normal(0.0, 1.0, (3, 4))
X = centres[groups] + rng.normal(0.0, 0.8, (20, 4))
nbrs = np.stack([rng.choice(np.nonzero(A[i])[0], size=3, replace=True) for i in range(20)]).astype(np.int64)
np.savez(here / "club.npz", X=X, y=np.eye(3)[groups], edges=edge_list(A), nbrs=nbrs)

# coauthor: a regression on the neighbourhood
groups = rng.integers(0, 2, 16)
A = undirected(16, 0.35, 0.1, groups)
X = rng.normal(0.0, 1.0, (16, 5))
deg = A.sum(1, keepdims=True)
y = np.tanh(X[:, :1] - 0.5 * (A @ X[:, 1:2]) / deg + 0.3 * X[:, 2:3])
np.savez(here / "coauthor.npz", X=X, y=y, edges=edge_list(A))

# citations: directed, every node with in- and out-degree >= 1
n = 18
D = (rng.random((n, n)) < 0.12).astype(float)
np.fill_diagonal(D, 0.0)
for i in range(n):
    if D[i].sum() == 0:
        D[i, (i + 3) % n] = 1.0
    if D[:, i].sum() == 0:
        D[(i + 5) % n, i] = 1.0
labels = (rng.random(n) < 0.5).astype(int)
X = rng.normal(0.0, 1.0, (n, 4)) + 0.8 * labels[:, None]
src, dst = np.nonzero(D)
np.savez(here / "citations.npz", X=X, y=np.eye(2)[labels], edges=np.stack([src, dst], axis=1).astype(np.int64))

# ratings: rank-2 tastes
U, V = rng.normal(0.0, 1.0, (12, 2)), rng.normal(0.0, 1.0, (15, 2))
pairs = rng.choice(12 * 15, size=60, replace=False)
users, items = pairs // 15, pairs % 15
stars = np.clip(np.round(3.2 + (U[users] * V[items]).sum(1) + rng.normal(0.0, 0.5, 60)), 1, 5)
np.savez(here / "ratings.npz", X=np.stack([users, items], axis=1).astype(np.int64), y=stars[:, None])

# links: 28 edges of a 16-node graph and 28 non-edges
groups = rng.integers(0, 2, 16)
A = undirected(16, 0.5, 0.12, groups)
E = edge_list(A)
pos = E[rng.choice(len(E), size=min(28, len(E)), replace=False)]
non = np.array([(i, j) for i in range(16) for j in range(i + 1, 16) if A[i, j] == 0])
neg = non[rng.choice(len(non), size=28, replace=False)]
order = rng.permutation(56)
X = np.concatenate([pos, neg])[order].astype(np.int64)
y = np.concatenate([np.ones(28), np.zeros(28)])[order][:, None]
np.savez(here / "links.npz", X=X, y=y)

# molecules: 24 graphs of 7 nodes
graphs, labels = [], []
for g in range(24):
    adj = np.zeros((7, 7))
    for v in range(1, 7):           # a random tree
        u = rng.integers(0, v)
        adj[u, v] = adj[v, u] = 1.0
    extra = rng.integers(0, 3)
    for _ in range(extra):          # and a few rings
        u, v = rng.choice(7, size=2, replace=False)
        adj[u, v] = adj[v, u] = 1.0
    feats = rng.normal(0.0, 1.0, (7, 3))
    graphs.append(np.concatenate([adj, feats], axis=1))
    labels.append(int(adj.sum() / 2 > 6.5) ^ int(feats[:, 0].sum() > 1.0))
np.savez(here / "molecules.npz", X=np.array(graphs), y=np.eye(2)[labels])

# fields: one-hot user and item
users, items = rng.integers(0, 6, 48), rng.integers(0, 10, 48)
taste = rng.normal(0.0, 1.0, (6, 2)) @ rng.normal(0.0, 1.0, (2, 10))
X = np.concatenate([np.eye(6)[users], np.eye(10)[items]], axis=1)
y = (taste[users, items] + rng.normal(0.0, 0.5, 48) > 0).astype(float)[:, None]
np.savez(here / "fields.npz", X=X, y=y)

# baskets: purchase counts with some empty baskets
counts = rng.poisson(0.45, (40, 10)).clip(0, 3).astype(float)
counts[[3, 9, 16, 22, 27, 31, 35]] = 0.0
if counts[-1].sum() == 0:
    counts[-1, 2] = 1.0
y = ((counts[:, :5].sum(1) - counts[:, 5:].sum(1) + rng.normal(0.0, 0.5, 40)) > 0).astype(float)[:, None]
np.savez(here / "baskets.npz", X=counts, y=y)
