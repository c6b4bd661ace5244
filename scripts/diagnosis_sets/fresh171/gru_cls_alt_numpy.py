"""The GRU classifier of gru_cls_numpy.py written another way: the weights as attributes, the
matrix products as einsum, the cross-entropy gradient from a one-hot matrix, the momentum
buffers updated in place (buf *= mu; buf += g; p -= lr * buf).
"""

import numpy as np

GATES = ("z", "r", "c")


class GRUClassifierAlt:
    def __init__(self, n_in=4, hidden=10, n_classes=3, seed=11):
        rng = np.random.default_rng(seed)
        for gate in GATES:
            setattr(self, "W" + gate, rng.normal(0.0, 0.4, (n_in, hidden)))
            setattr(self, "U" + gate, rng.normal(0.0, 0.3, (hidden, hidden)))
            setattr(self, "b" + gate, rng.normal(0.0, 0.1, hidden))
        self.V = rng.normal(0.0, 0.3, (hidden, n_classes))
        self.b = np.zeros(n_classes)
        self.names = [p + g for g in GATES for p in ("W", "U", "b")] + ["V", "b"]
        self.velocity = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        self.grads = {}
        self.lr, self.mu = 0.1, 0.9

    @staticmethod
    def _sig(a):
        return np.exp(-np.logaddexp(0.0, -a))

    def _unroll(self, X):
        X = X.astype(self.V.dtype)
        h = np.zeros((X.shape[0], self.Uz.shape[0]), dtype=X.dtype)
        hist = []
        for t in range(X.shape[1]):
            x = X[:, t, :]
            z = self._sig(np.einsum("ni,ih->nh", x, self.Wz) + np.einsum("nk,kh->nh", h, self.Uz) + self.bz)
            r = self._sig(np.einsum("ni,ih->nh", x, self.Wr) + np.einsum("nk,kh->nh", h, self.Ur) + self.br)
            rh = r * h
            c = np.tanh(np.einsum("ni,ih->nh", x, self.Wc) + np.einsum("nk,kh->nh", rh, self.Uc) + self.bc)
            hist.append((x, h, z, r, rh, c))
            h = h + z * (c - h)
        return np.einsum("nh,hc->nc", h, self.V) + self.b, h, hist

    def loss(self, X, y):
        logits = self._unroll(X)[0]
        lse = np.logaddexp.reduce(logits, axis=1)
        return np.mean(lse - logits[np.arange(len(y)), y])

    def train_step(self, X, y):
        logits, h, hist = self._unroll(X)
        N, C = logits.shape
        onehot = np.eye(C, dtype=logits.dtype)[y]
        lse = np.logaddexp.reduce(logits, axis=1, keepdims=True)
        loss = np.mean(lse[:, 0] - (logits * onehot).sum(1))
        d = (np.exp(logits - lse) - onehot) / N
        g = {n: np.zeros_like(getattr(self, n)) for n in self.names}
        g["V"] = np.einsum("nh,nc->hc", h, d)
        g["b"] = d.sum(0)
        dh = np.einsum("nc,hc->nh", d, self.V)
        for x, hp, z, r, rh, c in reversed(hist):
            dc = dh * z * (1 - c) * (1 + c)
            dz = dh * (c - hp) * z * (1 - z)
            drh = np.einsum("nh,kh->nk", dc, self.Uc)
            dr = drh * hp * r * (1 - r)
            for gate, dpre, inp in (("z", dz, hp), ("r", dr, hp), ("c", dc, rh)):
                g["W" + gate] += np.einsum("ni,nh->ih", x, dpre)
                g["U" + gate] += np.einsum("nk,nh->kh", inp, dpre)
                g["b" + gate] += dpre.sum(0)
            dh = (dh * (1 - z) + drh * r + np.einsum("nh,kh->nk", dz, self.Uz)
                  + np.einsum("nh,kh->nk", dr, self.Ur))
        self.grads = g
        for n in self.names:
            buf = self.velocity[n]
            buf *= self.mu
            buf += g[n]
            getattr(self, n)[...] -= self.lr * buf
        return float(loss)
