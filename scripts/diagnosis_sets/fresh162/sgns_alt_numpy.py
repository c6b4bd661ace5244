"""Skip-gram with negative sampling, written another way (correct).

Embeddings kept as attributes (self.Win, self.Wout); scores by einsum; the loss as
-log sigma(+-s) chosen by label; the scatter of row gradients done by a one-hot matrix
product instead of np.add.at; Adagrad in place with out= arguments.
"""

import numpy as np


class SkipGramAlt:
    def __init__(self, vocab=20, dim=8, lr=0.1, eps=1e-10, seed=0):
        rng = np.random.default_rng(seed)
        self.Win = rng.normal(0.0, 0.5, (vocab, dim))
        self.Wout = rng.normal(0.0, 0.5, (vocab, dim))
        self.vocab = vocab
        self.lr = lr
        self.eps = eps
        self.hist = {"Win": np.zeros_like(self.Win), "Wout": np.zeros_like(self.Wout)}
        self.grads = {}

    def _onehot(self, ids, dtype):
        return (ids[:, None] == np.arange(self.vocab)[None, :]).astype(dtype)

    def train_step(self, X, y):
        dtype = self.Win.dtype
        c, o = X[:, 0], X[:, 1]
        sign = np.where(y > 0.5, 1.0, -1.0).astype(dtype)      # +1 observed, -1 negative
        v, u = self.Win[c], self.Wout[o]
        s = np.einsum("nd,nd->n", v, u)
        z = sign * s
        loss = np.mean(np.log1p(np.exp(-np.abs(z))) + np.maximum(-z, 0.0))   # -log sigma(z)

        # d(-log sigma(z))/dz = -(1 - sigma(z)) = -sigma(-z); dz/ds = sign
        n = len(s)
        ds = -sign / (1.0 + np.exp(z)) / n
        Cin = self._onehot(c, dtype)
        Cout = self._onehot(o, dtype)
        self.grads = {"Win": Cin.T @ (ds[:, None] * u), "Wout": Cout.T @ (ds[:, None] * v)}

        for name in ("Win", "Wout"):
            p, g, h = getattr(self, name), self.grads[name], self.hist[name]
            h += np.square(g)
            step = np.sqrt(h)
            step += self.eps
            np.divide(g, step, out=step)
            step *= self.lr
            p -= step
        return float(loss)
