"""Correct variant of gcn_numpy.py: the same two-layer GCN written another way.

Weights are attributes (self.W1, self.b1, self.W2, self.b2), the normalisation is built from
the degree vector by broadcasting (A_tilde_ij / sqrt(d_i d_j)), products are einsum calls,
the first layer aggregates before the weight ((Ahat Xd) W1), and Adam updates its moments and
the weights in place. Same dropout masks (step t uses t % 4), loss and optimizer.
"""

import os

import numpy as np

GRAPH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gcn_graph.npz")
NAMES = ("W1", "b1", "W2", "b2")


class GCNAlt:
    def __init__(self, n_feat=10, n_hidden=16, n_class=3, seed=0):
        g = np.load(GRAPH)
        At = g["A"] + np.eye(len(g["A"]))
        d = At.sum(axis=0)
        self.Ahat = At / np.sqrt(np.outer(d, d))
        self.labelled = np.flatnonzero(g["train_mask"])
        self.keep_in = g["in_masks"] / 0.8
        self.keep_hid = g["hid_masks"] / 0.5

        rng = np.random.default_rng(seed)
        lim1 = np.sqrt(6.0 / (n_feat + n_hidden))
        lim2 = np.sqrt(6.0 / (n_hidden + n_class))
        self.W1 = rng.uniform(-lim1, lim1, (n_feat, n_hidden))
        self.b1 = rng.uniform(-0.1, 0.1, n_hidden)
        self.W2 = rng.uniform(-lim2, lim2, (n_hidden, n_class))
        self.b2 = rng.uniform(-0.1, 0.1, n_class)
        self.grads = {}
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.wd = {"W1": 5e-4, "b1": 5e-4, "W2": 0.0, "b2": 0.0}
        self.n = 0

    def _logits(self, X):
        s = self.n % self.keep_in.shape[0]
        Xd = X * self.keep_in[s]
        AX = np.einsum("ij,jf->if", self.Ahat, Xd)
        Z1 = np.einsum("if,fh->ih", AX, self.W1) + self.b1
        Hd = np.maximum(Z1, 0) * self.keep_hid[s]
        Z = np.einsum("ij,jc->ic", self.Ahat, np.einsum("jh,hc->jc", Hd, self.W2)) + self.b2
        return Z, (AX, Z1, Hd, s)

    def _nll(self, Z, y):
        idx = self.labelled
        Zl = Z[idx]
        lse = np.log(np.sum(np.exp(Zl - Zl.max(1, keepdims=True)), 1)) + Zl.max(1)
        return np.mean(lse - Zl[np.arange(len(idx)), y[idx]]), lse

    def loss(self, X, y):
        return self._nll(self._logits(X)[0], y)[0]

    def train_step(self, X, y):
        Z, (AX, Z1, Hd, s) = self._logits(X)
        loss, lse = self._nll(Z, y)
        idx = self.labelled
        G = np.zeros_like(Z)
        G[idx] = np.exp(Z[idx] - lse[:, None])
        G[idx, y[idx]] -= 1
        G /= len(idx)

        self.grads["b2"] = G.sum(0)
        AG = np.einsum("ji,jc->ic", self.Ahat, G)
        self.grads["W2"] = np.einsum("ih,ic->hc", Hd, AG)
        dZ1 = np.einsum("ic,hc->ih", AG, self.W2) * self.keep_hid[s] * (Z1 > 0)
        self.grads["b1"] = dZ1.sum(0)
        self.grads["W1"] = np.einsum("if,ih->fh", AX, dZ1)

        self.n += 1
        c1, c2 = 1 - 0.9 ** self.n, 1 - 0.999 ** self.n
        for k in NAMES:
            w = getattr(self, k)
            g = self.grads[k] + self.wd[k] * w
            self.m[k] *= 0.9
            self.m[k] += 0.1 * g
            self.v[k] *= 0.999
            self.v[k] += 0.001 * g ** 2
            w -= (0.01 / c1) * self.m[k] / (np.sqrt(self.v[k]) / np.sqrt(c2) + 1e-8)
        return float(loss)
