"""word2vec skip-gram with negative sampling in NumPy (the SGNS objective of Mikolov et al. 2013):
an input vector W_in[c] for the centre word and an output vector W_out[w] for the context word and
each of 3 negative samples; the score of a pair is their dot product, the loss
-log sigmoid(s_pos) - sum log sigmoid(-s_neg) per example (written as a binary cross-entropy on
the labels 1, 0, 0, 0), averaged over the batch. The gradients are scattered into both tables
with np.add.at; plain SGD.

    X: (n, 5) int: centre, context, 3 negatives; y: (n, 4) the labels of (context, negatives)
"""

import numpy as np

VOCAB, DIM = 10, 6


def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


class SkipGramNS:
    def __init__(self, lr=1.0, seed=5):
        rng = np.random.default_rng(seed)
        self.W_in = rng.normal(0.0, 0.5, (VOCAB, DIM))
        self.W_out = rng.normal(0.0, 0.5, (VOCAB, DIM))
        self.lr = lr

    def scores(self, X):
        centre, others = X[:, 0], X[:, 1:]
        return np.einsum("nd,nkd->nk", self.W_in[centre], self.W_out[others])

    def loss(self, X, y):
        s = self.scores(X)
        return float((np.logaddexp(0.0, s) - y * s).sum(axis=1).mean())

    def train_step(self, X, y):
        n = len(X)
        centre, others = X[:, 0], X[:, 1:]
        s = self.scores(X)
        loss = (np.logaddexp(0.0, s) - y * s).sum(axis=1).mean()
        ds = (sigmoid(s) - y) / n                                   # (n, 4)
        d_centre = np.einsum("nk,nkd->nd", ds, self.W_out[others])
        d_others = ds[:, :, None] * self.W_in[centre][:, None, :]
        g_in, g_out = np.zeros_like(self.W_in), np.zeros_like(self.W_out)
        np.add.at(g_in, centre, d_centre)
        np.add.at(g_out, others, d_others)
        self.grads = {"W_in": g_in, "W_out": g_out}
        self.W_in -= self.lr * g_in
        self.W_out -= self.lr * g_out
        return float(loss)
