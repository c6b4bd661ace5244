"""Correct variant of mmd_numpy.py: the same network, loss and Adam, written another way.

MMD^2 is written as one weighted sum over the stacked features Z = [hs; ht]:
mmd2 = sum_ij w_ij k(z_i, z_j) with w = 1/ns^2 on source pairs, 1/nt^2 on target pairs and
-1/(ns nt) on mixed pairs; its gradient is 4 sum_j w_ij k'(D_ij) (z_i - z_j) in one matrix
product. The squared distances come from the pairwise-difference tensor through einsum, the
softmax gradient from a one-hot matrix, and Adam updates its moments in place.

Parameters (self.params): W1 (6, 16), b1 (16,), W2 (16, 3), b2 (3,).
"""

import numpy as np

SIGMA2 = (1.0, 4.0)


class MMDNet:
    def __init__(self, n_in=6, hidden=16, n_cls=3, lam=1.0, lr=0.01, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / np.sqrt(n_in),
            "b1": np.zeros(hidden),
            "W2": rng.standard_normal((hidden, n_cls)) / np.sqrt(hidden),
            "b2": np.zeros(n_cls),
        }
        self.grads = {}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lam, self.lr = lam, lr

    @staticmethod
    def _weights(ns, nt, dtype):
        w = np.empty((ns + nt, ns + nt), dtype=dtype)
        w[:ns, :ns] = 1.0 / (ns * ns)
        w[ns:, ns:] = 1.0 / (nt * nt)
        w[:ns, ns:] = -1.0 / (ns * nt)
        w[ns:, :ns] = -1.0 / (ns * nt)
        return w

    def _terms(self, X, y):
        P = self.params
        N = X.shape[0]
        ns = N // 2
        h = np.tanh(np.einsum("ni,ij->nj", X, P["W1"]) + P["b1"])
        logits = np.einsum("nj,jk->nk", h[:ns], P["W2"]) + P["b2"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        prob = e / e.sum(axis=1, keepdims=True)
        onehot = np.zeros_like(prob)
        onehot[np.arange(ns), y[:ns]] = 1
        ce = -(onehot * np.log(prob)).sum() / ns
        diff = h[:, None, :] - h[None, :, :]
        D = np.einsum("ijk,ijk->ij", diff, diff)
        K = sum(np.exp(-D / (2 * s2)) for s2 in SIGMA2)
        kprime = sum(-np.exp(-D / (2 * s2)) / (2 * s2) for s2 in SIGMA2)
        w = self._weights(ns, N - ns, h.dtype)
        mmd2 = (w * K).sum()
        return ce + self.lam * mmd2, h, prob, onehot, w, kprime, ns

    def loss(self, X, y):
        return self._terms(X, y)[0]

    def train_step(self, X, y):
        P = self.params
        loss, h, prob, onehot, w, kprime, ns = self._terms(X, y)
        g = {}
        dlogits = (prob - onehot) / ns
        g["W2"] = np.einsum("nj,nk->jk", h[:ns], dlogits)
        g["b2"] = dlogits.sum(axis=0)
        dh = np.zeros_like(h)
        dh[:ns] = dlogits @ P["W2"].T
        A = self.lam * w * kprime
        dh += 4 * (A.sum(axis=1, keepdims=True) * h - A @ h)
        da = dh * (1 - h * h)
        g["W1"] = np.einsum("ni,nj->ij", X, da)
        g["b1"] = da.sum(axis=0)
        self.grads = g

        self.t += 1
        c1, c2 = 1 - 0.9 ** self.t, 1 - 0.999 ** self.t
        for k, p in P.items():
            m, v = self.m[k], self.v[k]
            m *= 0.9
            m += 0.1 * g[k]
            v *= 0.999
            v += 0.001 * g[k] * g[k]
            p -= self.lr * (m / c1) / (np.sqrt(v / c2) + 1e-8)
        return float(loss)
