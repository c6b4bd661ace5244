"""Skip-gram with negative sampling in NumPy, written after word2vec.c's layout.

syn0 holds the centre-word vectors one row per word, (V, D); syn1neg the context-word vectors
one column per word, (D, V). The true context word and the K negatives of a row are scored
together as K + 1 columns with labels 1, 0, ..., 0: s = v_c . syn1neg[:, w], and the loss
sum log(1 + exp(-(2 label - 1) s)) over the columns and the rows (np.logaddexp), the same
-log sigmoid(s_pos) - sum_k log sigmoid(-s_k). The gradient of every score is sigmoid(s) - label.
The context gradient is scattered through the transposed view of its (D, V) buffer with
np.add.at. Plain SGD; the learning rates of the linear decay LR * max(MIN_FRAC, 1 - t / TOTAL)
are tabulated once in __init__.

    X: float (n, 2 + K) centre id, context id, K negative ids; y: float (n, 1) dummy ones
"""

import numpy as np

V, D, K = 30, 10, 5
LR, MIN_FRAC, TOTAL = 0.05, 1e-4, 40


class SkipGramSyn:
    def __init__(self, seed=108):
        rng = np.random.default_rng(seed)
        self.syn0 = rng.normal(0.0, 0.3, (V, D))
        self.syn1neg = np.ascontiguousarray(rng.normal(0.0, 0.3, (V, D)).T)    # (D, V)
        self.alphas = [LR * max(MIN_FRAC, 1.0 - t / TOTAL) for t in range(TOTAL + 1)]
        self.updates = 0

    def scores(self, X):
        ids = X.astype(np.int64)
        centre, cols = ids[:, 0], ids[:, 1:2 + K]                # cols: (n, 1 + K)
        v = self.syn0[centre]                                     # (n, D)
        U = self.syn1neg[:, cols]                                 # (D, n, 1 + K)
        return centre, cols, v, U, np.einsum("nd,dnk->nk", v, U)

    def train_step(self, X, y):
        centre, cols, v, U, s = self.scores(X)
        label = np.zeros_like(s)
        label[:, 0] = 1.0
        loss = np.logaddexp(0.0, -(2.0 * label - 1.0) * s).sum()

        gs = 1.0 / (1.0 + np.exp(-s)) - label                   # (n, 1 + K)
        g0 = np.zeros_like(self.syn0)
        g1 = np.zeros_like(self.syn1neg)
        np.add.at(g0, centre, np.einsum("nk,dnk->nd", gs, U))
        np.add.at(g1.T, cols, gs[:, :, None] * v[:, None, :])
        self.grads = {"syn0": g0, "syn1neg": g1}

        alpha = self.alphas[min(self.updates, TOTAL)]
        self.syn0 -= alpha * g0
        self.syn1neg -= alpha * g1
        self.updates += 1
        return float(loss)
