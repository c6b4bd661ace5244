"""Softmax classifier in NumPy: 4 -> 8 sigmoid -> 3, the log-softmax through
np.logaddexp.reduce along the classes, the labels read back from the one-hot rows as integer
indices and the cross-entropy gathered with np.take_along_axis; the delta subtracts 1 at each
row's label in place (np.put_along_axis). Matrix products through np.einsum; gradient descent.

    X: (n, 4), y: (n, 3) one-hot
"""

import numpy as np

LR = 0.5


class LogAddExpSoftmax:
    def __init__(self, n_in=4, hidden=8, n_classes=3, seed=23):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0, (hidden, n_classes))
        self.b2 = np.zeros(n_classes)

    def train_step(self, X, y):
        labels = np.argmax(y, axis=1)[:, None]
        a = np.exp(-np.logaddexp(0.0, -(np.einsum("ni,ij->nj", X, self.W1) + self.b1)))
        z = np.einsum("nj,jk->nk", a, self.W2) + self.b2
        log_p = z - np.logaddexp.reduce(z, axis=1, keepdims=True)
        loss = -np.take_along_axis(log_p, labels, axis=1).mean()
        delta = np.exp(log_p)
        np.put_along_axis(delta, labels, np.take_along_axis(delta, labels, axis=1) - 1.0, axis=1)
        delta /= len(X)
        da = np.einsum("nk,jk->nj", delta, self.W2) * a * (1.0 - a)
        self.W2 -= LR * np.einsum("nj,nk->jk", a, delta)
        self.b2 -= LR * delta.sum(axis=0)
        self.W1 -= LR * np.einsum("ni,nj->ij", X, da)
        self.b1 -= LR * da.sum(axis=0)
        return float(loss)
