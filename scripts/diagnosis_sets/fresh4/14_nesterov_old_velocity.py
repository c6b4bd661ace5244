"""NumPy ReLU / softmax classifier made of Dense layer objects, mini-batches, Nesterov
momentum written in torch's form (v = mu v + g; w -= lr (g + mu v)). The update line was
placed before the velocity update, so the look-ahead term mu * v uses the velocity of the
previous step instead of this step's."""

import numpy as np


class Dense:
    def __init__(self, n_in, n_out, rng):
        self.w = rng.normal(0, 0.4, (n_in, n_out))
        self.b = np.zeros(n_out)
        self.vw = np.zeros_like(self.w)
        self.vb = np.zeros_like(self.b)

    def nesterov(self, gw, gb, lr, mu):
        if self.vw.dtype != self.w.dtype:
            self.vw, self.vb = self.vw.astype(self.w.dtype), self.vb.astype(self.b.dtype)
        self.w -= lr * (gw + mu * self.vw)   # BUG: after the velocity update below
        self.b -= lr * (gb + mu * self.vb)
        self.vw = mu * self.vw + gw
        self.vb = mu * self.vb + gb


class NesterovSoftmax:
    def __init__(self, X, y, hidden=8, lr=0.1, mu=0.9):
        rng = np.random.default_rng(14)
        self.layers = [Dense(X.shape[1], hidden, rng), Dense(hidden, y.shape[1], rng)]
        self.lr, self.mu = lr, mu

    def step(self, X, y):
        l1, l2 = self.layers
        z1 = X @ l1.w + l1.b
        h = np.maximum(z1, 0)
        z2 = h @ l2.w + l2.b
        e = np.exp(z2 - z2.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        n = X.shape[0]
        g2 = (p - y) / n
        g1 = (g2 @ l2.w.T) * (z1 > 0)
        l2.nesterov(h.T @ g2, g2.sum(axis=0), self.lr, self.mu)
        l1.nesterov(X.T @ g1, g1.sum(axis=0), self.lr, self.mu)
        return float(-np.sum(y * np.log(p)) / n)
