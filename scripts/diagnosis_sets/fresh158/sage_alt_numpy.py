"""The GraphSAGE of sage_numpy.py written another way, NumPy.

Weights kept (out, in) as nn.Linear does, samples as rows (x @ W.T); the neighbour mean
computed from neighbour lists (a loop over nodes) and its backward scattered back the same
way; the two halves of each concatenation handled with separate weight slices; softmax
gradient through a one-hot matrix; momentum buffers as attributes.
"""

import os

import numpy as np

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sage.npz")


class SAGEAlt:
    def __init__(self, n_in=6, hidden=16, classes=4, lr=0.05, mu=0.9, seed=11):
        g = np.load(DATA)
        n = g["A"].shape[0]
        self.neigh = [[] for _ in range(n)]
        for s, d in zip(g["src"], g["dst"]):
            self.neigh[d].append(s)
        self.labelled = np.flatnonzero(g["train_mask"])
        self.lr, self.mu, self.hidden, self.classes = lr, mu, hidden, classes

        rng = np.random.default_rng(seed)
        k1 = (2 * n_in) ** -0.5
        k2 = (2 * hidden) ** -0.5
        self.W1 = rng.uniform(-k1, k1, (hidden, 2 * n_in))
        self.b1 = rng.uniform(-k1, k1, hidden)
        self.W2 = rng.uniform(-k2, k2, (classes, 2 * hidden))
        self.b2 = rng.uniform(-k2, k2, classes)
        self.vW1 = np.zeros_like(self.W1)
        self.vb1 = np.zeros_like(self.b1)
        self.vW2 = np.zeros_like(self.W2)
        self.vb2 = np.zeros_like(self.b2)

    def _mean(self, h):
        out = np.empty_like(h)
        for i, nb in enumerate(self.neigh):
            out[i] = h[nb].mean(axis=0)
        return out

    def _mean_backward(self, dout):
        dh = np.zeros_like(dout)
        for i, nb in enumerate(self.neigh):
            share = dout[i] / len(nb)
            for j in nb:
                dh[j] += share
        return dh

    def _forward(self, X):
        d = X.shape[1]
        H = self.hidden
        aggX = self._mean(X)
        s1 = X @ self.W1[:, :d].T + aggX @ self.W1[:, d:].T + self.b1
        h = s1 * (s1 > 0)
        aggh = self._mean(h)
        z = h @ self.W2[:, :H].T + aggh @ self.W2[:, H:].T + self.b2
        return z, (aggX, s1, h, aggh)

    def _loss_and_grad(self, z, y):
        zl = z[self.labelled]
        yl = y[self.labelled]
        lse = np.log(np.exp(zl - zl.max(1, keepdims=True)).sum(1)) + zl.max(1)
        loss = np.mean(lse - zl[np.arange(len(yl)), yl])
        p = np.exp(zl - lse[:, None])
        dz = np.zeros_like(z)
        dz[self.labelled] = (p - np.eye(self.classes, dtype=z.dtype)[yl]) / len(yl)
        return loss, dz

    def loss(self, X, y):
        return self._loss_and_grad(self._forward(X)[0], y)[0]

    def train_step(self, X, y):
        d = X.shape[1]
        H = self.hidden
        z, (aggX, s1, h, aggh) = self._forward(X)
        loss, dz = self._loss_and_grad(z, y)

        dW2 = np.concatenate([dz.T @ h, dz.T @ aggh], axis=1)
        db2 = dz.sum(0)
        dh = dz @ self.W2[:, :H] + self._mean_backward(dz @ self.W2[:, H:])
        ds1 = dh * (s1 > 0)
        dW1 = np.concatenate([ds1.T @ X, ds1.T @ aggX], axis=1)
        db1 = ds1.sum(0)
        self.grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

        for name in ("W1", "b1", "W2", "b2"):
            v = getattr(self, "v" + name)
            np.multiply(v, self.mu, out=v)
            np.add(v, self.grads[name], out=v)
            w = getattr(self, name)
            np.subtract(w, self.lr * v, out=w)
        return float(loss)
