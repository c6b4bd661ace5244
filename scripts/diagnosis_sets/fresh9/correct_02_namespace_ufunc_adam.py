"""Correct NumPy network in an unusual style: parameters in a types.SimpleNamespace, two tanh
hidden layers (4 -> 6 -> 5 -> 1), the output sigmoid as exp(-logaddexp(0, -z)), the summed
binary cross-entropy from the logit, and Adam written with in-place ufuncs (np.multiply,
np.add, np.sqrt, np.divide with out=) over preallocated moment buffers; shuffled
mini-batches."""

from types import SimpleNamespace

import numpy as np

NAMES = ("W1", "b1", "W2", "b2", "W3", "b3")


class UfuncNet:
    def __init__(self, X, y, widths=(6, 5), lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(182)
        d = [X.shape[1], *widths, 1]
        self.p = SimpleNamespace(
            W1=rng.normal(0, 0.5, (d[0], d[1])), b1=np.zeros(d[1]),
            W2=rng.normal(0, 0.5, (d[1], d[2])), b2=np.zeros(d[2]),
            W3=rng.normal(0, 0.5, (d[2], d[3])), b3=np.zeros(d[3]),
        )
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.mom = {}
        self.t = 0

    def train_step(self, X, y):
        p = self.p
        h1 = np.tanh(X @ p.W1 + p.b1)
        h2 = np.tanh(h1 @ p.W2 + p.b2)
        z = h2 @ p.W3 + p.b3
        out = np.exp(-np.logaddexp(0.0, -z))
        loss = float(np.sum(np.logaddexp(0.0, z) - y * z))
        dz = out - y
        d2 = (dz @ p.W3.T) * (1 - h2 * h2)
        d1 = (d2 @ p.W2.T) * (1 - h1 * h1)
        grads = dict(W1=X.T @ d1, b1=d1.sum(0), W2=h1.T @ d2, b2=d2.sum(0), W3=h2.T @ dz, b3=dz.sum(0))
        self.t += 1
        c1 = 1 - self.beta1 ** self.t
        c2 = 1 - self.beta2 ** self.t
        for name in NAMES:
            g = grads[name]
            if name not in self.mom:
                self.mom[name] = (np.zeros_like(g), np.zeros_like(g), np.empty_like(g))
            m, v, tmp = self.mom[name]
            np.multiply(m, self.beta1, out=m)
            np.add(m, (1 - self.beta1) * g, out=m)
            np.multiply(v, self.beta2, out=v)
            np.add(v, (1 - self.beta2) * g * g, out=v)
            np.divide(v, c2, out=tmp)
            np.sqrt(tmp, out=tmp)
            np.add(tmp, self.eps, out=tmp)
            np.divide(m / c1, tmp, out=tmp)
            setattr(p, name, getattr(p, name) - self.lr * tmp)
        return loss
