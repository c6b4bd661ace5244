"""Writes the data sets of this folder (seeded): python3 make_data.py

    citation.npz   one undirected graph of 40 papers in three topics (a stochastic block model:
                   dense inside a topic, sparse across). X float (40, 12) bag-of-words-like node
                   features (topic-dependent means plus noise); y int64 (40,) the topic of every
                   node; A float (40, 40) the symmetric 0/1 adjacency without self-loops (every
                   node has a neighbour); train_mask bool (40,) the 16 labelled nodes the loss may
                   use. The GCN programs load A and train_mask in __init__.
    follows.npz    one directed graph of 36 accounts in four groups. X float (36, 8) node features;
                   y int64 (36,) the group of every node; edges int64 (E, 2) the directed edges
                   (source, target): a node aggregates the messages of the accounts it is followed
                   by (its in-neighbours). Every node has at least one in- and one out-neighbour, the
                   in- and out-degrees differ. The GraphSAGE programs load edges in __init__.
    molecules.npz  a dense, zero-padded batch of 12 small undirected graphs (4 to 9 nodes each, 75
                   real nodes in all) for graph-level regression. X float (12, 9, 6) the node
                   features of each graph, rows past its node count zero; y float (12,) one target
                   per graph; A float (12, 9, 9) each graph's symmetric 0/1 adjacency without
                   self-loops (zero on the padding); n_nodes int64 (12,) each graph's node count.
                   The readout programs load A and n_nodes in __init__.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(97)

# ---------------------------------------------------------------- citation graph (GCN)
n, f, k = 40, 12, 3
topic = np.repeat(np.arange(k), [14, 13, 13])
rng.shuffle(topic)
A = np.zeros((n, n))
for i in range(n):
    for j in range(i + 1, n):
        p = 0.25 if topic[i] == topic[j] else 0.03
        if rng.random() < p:
            A[i, j] = A[j, i] = 1.0
for i in range(n):
    if A[i].sum() == 0:
        same = [j for j in range(n) if topic[j] == topic[i] and j != i]
        j = rng.choice(same)
        A[i, j] = A[j, i] = 1.0
centres = rng.normal(0.0, 1.0, (k, f))
X = centres[topic] + 1.2 * rng.standard_normal((n, f))
train_mask = np.zeros(n, dtype=bool)
for c in range(k):
    idx = np.flatnonzero(topic == c)
    train_mask[rng.choice(idx, size=[6, 5, 5][c], replace=False)] = True
np.savez(here / "citation.npz", X=X.round(3), y=topic.astype(np.int64), A=A, train_mask=train_mask)

# ---------------------------------------------------------------- follower graph (GraphSAGE)
n, f, k = 36, 8, 4
group = np.repeat(np.arange(k), 9)
rng.shuffle(group)
edges = set()
for i in range(n):
    for j in range(n):
        if i != j:
            p = 0.16 if group[i] == group[j] else 0.025
            if rng.random() < p:
                edges.add((i, j))
for i in range(n):
    if not any(t == i for (_, t) in edges):
        s = int(rng.choice([j for j in range(n) if j != i and group[j] == group[i]]))
        edges.add((s, i))
    if not any(s == i for (s, _) in edges):
        t = int(rng.choice([j for j in range(n) if j != i]))
        edges.add((i, t))
edges = np.array(sorted(edges), dtype=np.int64)
centres = rng.normal(0.0, 1.0, (k, f))
X = centres[group] + 1.0 * rng.standard_normal((n, f))
np.savez(here / "follows.npz", X=X.round(3), y=group.astype(np.int64), edges=edges)
indeg = np.bincount(edges[:, 1], minlength=n)
outdeg = np.bincount(edges[:, 0], minlength=n)

# ---------------------------------------------------------------- molecules (graph readout)
sizes = [4, 5, 6, 7, 8, 9, 5, 6, 7, 8, 4, 6]
g_count, n_max, f = len(sizes), max(sizes), 6
Xg = np.zeros((g_count, n_max, f))
Ag = np.zeros((g_count, n_max, n_max))
targets = []
for g, s in enumerate(sizes):
    x = rng.normal(0.0, 1.0, (s, f))
    e = [(i, (i + 1) % s) for i in range(s)]
    for _ in range(s // 3):
        a, b = rng.choice(s, size=2, replace=False)
        if (a, b) not in e and (b, a) not in e and abs(int(a) - int(b)) != 1:
            e.append((int(a), int(b)))
    for a, b in e:
        Ag[g, a, b] = Ag[g, b, a] = 1.0
    deg = Ag[g].sum(axis=1)[:s]
    targets.append(0.6 * x[:, 0].mean() - 0.4 * x[:, 1].mean() + 0.15 * deg.mean() + 0.05 * s
                   + 0.1 * rng.standard_normal())
    Xg[g, :s] = x
np.savez(here / "molecules.npz", X=Xg.round(3), y=np.array(targets).round(4), A=Ag,
         n_nodes=np.array(sizes, dtype=np.int64))
print("citation edges", int(A.sum() // 2), "follows edges", len(edges),
      "in/out-degree differ at", int((indeg != outdeg).sum()), "nodes; molecules nodes", sum(sizes),
      "edges", int(Ag.sum() // 2))
