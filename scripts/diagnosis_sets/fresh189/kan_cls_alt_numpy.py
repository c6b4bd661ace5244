"""RBF-KAN classifier in NumPy with attributes per layer (same model as kan_cls_numpy.py).

S1, S2 kept (d_out, d_in, G); W1, W2 kept (d_out, d_in) with biases b1, b2. The softmax
gradient is written with a one-hot matrix; AdamW's decay and step are in place.
"""

import numpy as np


class RBFKANAttr:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.c = np.linspace(-2.0, 2.0, 8)
        self.h = 4.0 / 7.0
        self.S1 = rng.normal(0, 0.1, (10, 5, 8))
        self.W1 = rng.normal(0, 0.4, (10, 5))
        self.b1 = np.zeros(10)
        self.S2 = rng.normal(0, 0.1, (3, 10, 8))
        self.W2 = rng.normal(0, 0.3, (3, 10))
        self.b2 = np.zeros(3)
        self.names = ["S1", "W1", "b1", "S2", "W2", "b2"]
        self.opt = {k: [np.zeros_like(getattr(self, k)), np.zeros_like(getattr(self, k))]
                    for k in self.names}
        self.k = 0
        self.grads = {}

    def _layer(self, a, S, W, b):
        u = (a[:, :, None] - self.c) / self.h
        phi = np.exp(-u * u)
        sg = 1.0 / (1.0 + np.exp(-a))
        out = np.tensordot(phi, S, axes=([1, 2], [1, 2])) + (a * sg) @ W.T + b
        return out, (a, u, phi, sg)

    def _forward(self, X):
        h, c1 = self._layer(X, self.S1, self.W1, self.b1)
        logits, c2 = self._layer(h, self.S2, self.W2, self.b2)
        return logits, c1, c2

    def loss(self, X, y):
        logits = self._forward(X)[0]
        z = logits - logits.max(1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean()

    def _param_grads(self, g, cache, S, W):
        a, u, phi, sg = cache
        dS = np.einsum("no,nig->oig", g, phi)
        dW = g.T @ (a * sg)
        db = g.sum(0)
        dphi = np.einsum("no,oig->nig", g, S)
        da = np.einsum("nig,nig->ni", dphi, -2.0 * u * phi) / self.h
        da = da + (g @ W) * sg * (1.0 + a - a * sg)
        return dS, dW, db, da

    def train_step(self, X, y):
        logits, c1, c2 = self._forward(X)
        z = logits - logits.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        onehot = np.eye(logits.shape[1], dtype=logits.dtype)[y]
        loss = -np.mean(np.sum(onehot * np.log(p), axis=1))
        g = (p - onehot) / len(y)
        dS2, dW2, db2, dh = self._param_grads(g, c2, self.S2, self.W2)
        dS1, dW1, db1, _ = self._param_grads(dh, c1, self.S1, self.W1)
        self.grads = dict(S1=dS1, W1=dW1, b1=db1, S2=dS2, W2=dW2, b2=db2)
        self.k += 1
        lr, wd, b1, b2, eps = 0.01, 0.01, 0.9, 0.999, 1e-8
        for name in self.names:
            w = getattr(self, name)
            m, v = self.opt[name]
            gr = self.grads[name]
            w *= 1.0 - lr * wd
            m[...] = b1 * m + (1.0 - b1) * gr
            v[...] = b2 * v + (1.0 - b2) * gr * gr
            mhat = m / (1.0 - b1 ** self.k)
            vhat = v / (1.0 - b2 ** self.k)
            w -= lr * mhat / (np.sqrt(vhat) + eps)
        return float(loss)
