"""The CD-1 RBM of rbm_numpy.py written the way Hinton's practical guide puts it.

Increments carry the learning rate: inc = mu inc + lr (g + wd W), W -= inc (the same steps
as velocity = mu velocity + g, W -= lr velocity, since inc = lr velocity for a constant lr).
Statistics by einsum, free energy with log1p(exp(.)), the noise split by an index array.
"""

import numpy as np


class RBMIncrements:
    def __init__(self, n_visible=16, n_hidden=10, lr=0.1, momentum=0.5, weight_decay=5e-3, seed=0):
        rng = np.random.default_rng(seed)
        self.W = 0.1 * rng.standard_normal((n_visible, n_hidden))
        self.b = 0.1 * rng.standard_normal(n_visible)
        self.c = 0.1 * rng.standard_normal(n_hidden)
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.inc = [np.zeros_like(self.W), np.zeros_like(self.b), np.zeros_like(self.c)]
        self.grads = {}

    @staticmethod
    def _sigmoid(x):
        return np.exp(-np.logaddexp(0, -x))

    def _hidden(self, v):
        return self._sigmoid(np.einsum("ni,ij->nj", v, self.W) + self.c)

    def _visible(self, h):
        return self._sigmoid(np.einsum("nj,ij->ni", h, self.W) + self.b)

    def free_energy(self, v):
        x = np.einsum("ni,ij->nj", v, self.W) + self.c
        return -np.einsum("ni,i->n", v, self.b) - np.log1p(np.exp(x)).sum(axis=1)

    def train_step(self, X, y):
        n_hidden = self.c.shape[0]
        N = X.shape[0]
        ph0 = self._hidden(X)
        h0 = np.less(y[:, :n_hidden], ph0).astype(X.dtype)
        v1 = np.less(y[:, n_hidden:], self._visible(h0)).astype(X.dtype)
        ph1 = self._hidden(v1)

        dW = (np.einsum("ni,nj->ij", X, ph0) - np.einsum("ni,nj->ij", v1, ph1)) / N
        db = (X.sum(axis=0) - v1.sum(axis=0)) / N
        dc = (ph0.sum(axis=0) - ph1.sum(axis=0)) / N
        self.grads = {"W": -dW, "b": -db, "c": -dc}

        loss = np.mean(self.free_energy(X) - self.free_energy(v1))

        mu, lr = self.momentum, self.lr
        steps = (-dW + self.weight_decay * self.W, -db, -dc)
        for i, (param, g) in enumerate(zip((self.W, self.b, self.c), steps)):
            self.inc[i] = mu * self.inc[i] + lr * g
            param -= self.inc[i]
        return loss
