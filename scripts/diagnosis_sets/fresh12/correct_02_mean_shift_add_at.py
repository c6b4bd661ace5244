"""Correct NumPy network in an unusual style: a ReLU / softmax classifier (5 -> 9 -> 4, mean
cross-entropy, heavy-ball momentum, shuffled mini-batches of 12) with its parameters in one
dict. The softmax is shifted by each row's mean rather than its max (softmax is invariant to a
per-row shift), the ReLU mask comes from np.greater, the target's -1 is scattered with
np.add.at at (row, label), and momentum is updated in place with out= ufuncs."""

import numpy as np


class MeanShiftSoftmax:
    def __init__(self, X, y, n_hidden=9, lr=0.3, mu=0.9):
        rng = np.random.default_rng(1202)
        self.p = {"W1": rng.normal(0, 0.4, (X.shape[1], n_hidden)), "b1": np.zeros(n_hidden),
                  "W2": rng.normal(0, 0.4, (n_hidden, y.shape[1])), "b2": np.zeros(y.shape[1])}
        self.velocity = {k: np.zeros_like(a) for k, a in self.p.items()}
        self.lr, self.mu = lr, mu

    def train_step(self, X, y):
        p = self.p
        n = X.shape[0]
        z1 = X @ p["W1"] + p["b1"]
        active = np.greater(z1, 0)
        h = z1 * active
        z2 = h @ p["W2"] + p["b2"]
        e = np.exp(z2 - z2.mean(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        rows, labels = np.nonzero(y)
        loss = float(-np.log(probs[rows, labels]).sum() / n)
        dz2 = probs.copy()
        np.add.at(dz2, (rows, labels), -1.0)
        dz2 /= n
        dz1 = (dz2 @ p["W2"].T) * active
        grads = {"W1": X.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}
        for k, g in grads.items():
            v = self.velocity[k]
            np.multiply(v, self.mu, out=v)
            np.add(v, g, out=v)
            np.subtract(p[k], self.lr * v, out=p[k])
        return loss
