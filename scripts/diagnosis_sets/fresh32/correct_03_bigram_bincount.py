"""Neural bigram language model in NumPy, written without fancy-index scatters: the previous
word's id is read off the one-hot row as X @ arange(V), the embedding rows are fetched with
np.take, the embedding gradient is gathered per hidden unit with np.bincount(words, weights=...,
minlength=V), the logits are shifted by the batch's single largest logit (a constant per row, so
the softmax is unchanged), the labels' log-probabilities are picked with a boolean mask, and the
update is momentum as an exponential moving average, v = beta v + (1 - beta) g.

    X: (n, V) one-hot previous word, y: (n, V) one-hot next word
"""

import numpy as np

VOCAB, HIDDEN = 10, 10


class BincountBigram:
    def __init__(self, lr=0.5, beta=0.9, seed=33):
        rng = np.random.default_rng(seed)
        self.table = rng.normal(0.0, 1.0, (VOCAB, HIDDEN))
        self.shift = np.zeros(HIDDEN)
        self.readout = rng.normal(0.0, 0.3, (HIDDEN, VOCAB))
        self.readout_bias = np.zeros(VOCAB)
        self.lr, self.beta = lr, beta
        self.avg = {}

    def train_step(self, X, y):
        n = len(X)
        words = (X @ np.arange(VOCAB)).round().astype(np.int64)
        h = np.tanh(np.take(self.table, words, axis=0) + self.shift)
        z = h @ self.readout + self.readout_bias
        z = z - z.max()
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[y.astype(bool)].mean()

        dz = (np.exp(logp) - y) / n
        dpre = (dz @ self.readout.T) * (1.0 - h) * (1.0 + h)
        dtable = np.stack([np.bincount(words, weights=dpre[:, j], minlength=VOCAB) for j in range(HIDDEN)], axis=1)
        grads = {"table": dtable.astype(self.table.dtype), "shift": dpre.sum(axis=0),
                 "readout": h.T @ dz, "readout_bias": dz.sum(axis=0)}
        for name, g in grads.items():
            v = self.avg.get(name, 0.0)
            v = self.beta * v + (1.0 - self.beta) * g
            self.avg[name] = v
            setattr(self, name, getattr(self, name) - self.lr * v)
        return float(loss)
