"""fresh158 case UB14 (see fresh158_cases.py).

GraphSAGE with the mean aggregator, two layers, for node classification, written in NumPy.

Each layer concatenates a node's own features with the mean of its neighbours' features
(P = D^-1 A, the row-normalised adjacency without self-loops) and applies one dense map:

    h1 = relu([X, P X] @ W1 + b1)          W1 (2 * n_in, hidden)
    z  = [h1, P h1] @ W2 + b2              W2 (2 * hidden, classes), logits
    loss = softmax cross-entropy, mean over the training-mask nodes

SGD with momentum 0.9 as torch.optim.SGD (v = mu v + g; w -= lr v), lr 0.05, no weight decay.
"""

import math
import os

import numpy as np

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sage.npz")


class GraphSAGE:
    def __init__(self, n_in=6, hidden=16, classes=4, lr=0.05, momentum=0.9, seed=1):
        data = np.load(DATA)
        A = data["A"]
        self.P = A / A.sum(axis=1, keepdims=True)
        self.mask = data["train_mask"]
        self.lr = lr
        self.momentum = momentum
        self.hidden = hidden

        rng = np.random.default_rng(seed)
        b = 1.0 / math.sqrt(2 * n_in)
        self.W1 = rng.uniform(-b, b, (2 * n_in, hidden))
        self.b1 = rng.uniform(-b, b, hidden)
        b = 1.0 / math.sqrt(2 * hidden)
        self.W2 = rng.uniform(-b, b, (2 * hidden, classes))
        self.b2 = rng.uniform(-b, b, classes)
        self.velocity = {name: np.zeros_like(getattr(self, name)) for name in ("W1", "b1", "W2", "b2")}
        self.grads = {}

    def forward(self, X):
        cat1 = np.concatenate([X, self.P @ X], axis=1)
        pre1 = cat1 @ self.W1 + self.b1
        h1 = np.maximum(pre1, 0.0)
        cat2 = np.concatenate([h1, self.P @ h1], axis=1)
        z = cat2 @ self.W2 + self.b2
        return z, (cat1, pre1, cat2)

    def loss(self, X, y):
        z, _ = self.forward(X)
        return self._xent(z, y)[0]

    def _xent(self, z, y):
        zl = z[self.mask]
        yl = y[self.mask]
        e = np.exp(zl - zl.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[np.arange(len(yl)), yl]))
        return loss, probs, yl

    def train_step(self, X, y):
        z, (cat1, pre1, cat2) = self.forward(X)
        loss, probs, yl = self._xent(z, y)

        dz_l = probs
        dz_l[np.arange(len(yl)), yl] -= 1.0
        dz_l /= len(yl)
        dz = np.zeros_like(z)
        dz[self.mask] = dz_l

        H = self.hidden
        g = {}
        g["W2"] = cat2.T @ dz
        g["b2"] = dz.mean(axis=0)
        dcat2 = dz @ self.W2.T
        dh1 = dcat2[:, :H] + self.P.T @ dcat2[:, H:]
        dpre1 = dh1 * (pre1 > 0)
        g["W1"] = cat1.T @ dpre1
        g["b1"] = dpre1.sum(axis=0)
        self.grads = g

        for name, grad in g.items():
            v = self.velocity[name]
            v *= self.momentum
            v += grad
            w = getattr(self, name)
            w -= self.lr * v
        return float(loss)
