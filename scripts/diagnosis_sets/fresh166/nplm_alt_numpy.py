"""The NPLM of nplm_numpy.py written another way (same computation):
weights as attributes in nn.Linear's (out, in) layout, einsum for the products, the
embedding gradient through a one-hot matrix instead of np.add.at, the softmax gradient
through a one-hot target, momentum updated in place and the learning rate decayed by
multiplying an attribute after each update."""

import math

import numpy as np


class NPLMAlt:
    def __init__(self, vocab=24, context=3, emb_dim=8, hidden=32, lr=0.3, momentum=0.9,
                 gamma=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.V, self.n, self.E = vocab, context, emb_dim
        d = context * emb_dim
        self.C = rng.normal(0.0, 1.0, (vocab, emb_dim))
        self.Wh = rng.uniform(-1, 1, (hidden, d)) / math.sqrt(d)
        self.bh = np.zeros(hidden)
        self.Wo = rng.uniform(-1, 1, (vocab, hidden)) / math.sqrt(hidden)
        self.bo = np.zeros(vocab)
        self.names = ("C", "Wh", "bh", "Wo", "bo")
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.lr, self.mu, self.gamma = lr, momentum, gamma

    def _forward(self, X):
        N = X.shape[0]
        onehot = np.zeros((N, self.n, self.V), dtype=self.C.dtype)
        onehot[np.arange(N)[:, None], np.arange(self.n)[None, :], X] = 1.0
        e = np.einsum("ntv,ve->nte", onehot, self.C).reshape(N, -1)
        h = np.tanh(np.einsum("nd,hd->nh", e, self.Wh) + self.bh)
        z = np.einsum("nh,vh->nv", h, self.Wo) + self.bo
        return onehot, e, h, z

    def loss(self, X, y):
        z = self._forward(X)[3]
        lse = z.max(axis=1) + np.log(np.exp(z - z.max(axis=1, keepdims=True)).sum(axis=1))
        return (lse - z[np.arange(len(y)), y]).mean()

    def train_step(self, X, y):
        N = X.shape[0]
        onehot, e, h, z = self._forward(X)
        zmax = z.max(axis=1, keepdims=True)
        ez = np.exp(z - zmax)
        S = ez.sum(axis=1, keepdims=True)
        loss = (np.log(S[:, 0]) + zmax[:, 0] - z[np.arange(N), y]).mean()
        target = np.zeros_like(z)
        target[np.arange(N), y] = 1.0
        dz = (ez / S - target) / N
        g = self.grads
        g["Wo"] = np.einsum("nv,nh->vh", dz, h)
        g["bo"] = dz.sum(axis=0)
        da = np.einsum("nv,vh->nh", dz, self.Wo) * (1.0 - h) * (1.0 + h)
        g["Wh"] = np.einsum("nh,nd->hd", da, e)
        g["bh"] = da.sum(axis=0)
        de = np.einsum("nh,hd->nd", da, self.Wh).reshape(N, self.n, self.E)
        g["C"] = np.einsum("ntv,nte->ve", onehot, de)
        for k in self.names:
            v = self.velocity[k]
            v *= self.mu
            v += g[k]
            p = getattr(self, k)
            p -= self.lr * v
        self.lr *= self.gamma
        return float(loss)
