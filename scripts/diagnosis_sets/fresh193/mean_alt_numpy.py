"""DeepSets mean-pool regression in NumPy, written with einsum and in-place updates.

Same model as mean_numpy.py (phi = Linear-ReLU-Linear-tanh per element, masked mean, rho =
Linear-ReLU-Linear, MSE, SGD momentum 0.9 with coupled weight decay 1e-3, lr 0.05), but the
weights are kept (out, in) like torch's, the pool is an einsum with per-element weights
w_i = m_i / sum_j m_j, and the momentum buffer is updated in place (buf *= mu; buf += g).
"""

import math

import numpy as np


class DeepSetMeanAlt:
    def __init__(self, d_in=3, hidden=16, latent=16, rho_hidden=16, lr=0.05, momentum=0.9,
                 weight_decay=1e-3, seed=5):
        rng = np.random.default_rng(seed)
        sizes = {"phi1": (hidden, d_in), "phi2": (latent, hidden),
                 "rho1": (rho_hidden, latent), "rho2": (1, rho_hidden)}
        self.params = {}
        for name, (o, i) in sizes.items():
            bound = 1.0 / math.sqrt(i)
            self.params[name + "_w"] = rng.uniform(-bound, bound, (o, i))
            self.params[name + "_b"] = rng.uniform(-bound, bound, o)
        self.grads = {}
        self.buf = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.mu, self.wd = lr, momentum, weight_decay

    def _forward(self, X):
        P = self.params
        x, m = X[..., :-1], X[..., -1]
        z1 = np.einsum("nsd,hd->nsh", x, P["phi1_w"]) + P["phi1_b"]
        a1 = np.maximum(z1, 0)
        e = np.tanh(np.einsum("nsh,lh->nsl", a1, P["phi2_w"]) + P["phi2_b"])
        w = m / m.sum(axis=1, keepdims=True)                   # (N, S)
        pooled = np.einsum("ns,nsl->nl", w, e)
        r1 = np.einsum("nl,kl->nk", pooled, P["rho1_w"]) + P["rho1_b"]
        h = np.maximum(r1, 0)
        pred = np.einsum("nk,k->n", h, P["rho2_w"][0]) + P["rho2_b"][0]
        return pred, dict(x=x, w=w, z1=z1, a1=a1, e=e, pooled=pooled, r1=r1, h=h)

    def loss(self, X, y):
        d = self._forward(X)[0] - y
        return (d * d).mean()

    def backward(self, X, y):
        P, G = self.params, self.grads
        pred, c = self._forward(X)
        diff = pred - y
        loss = (diff * diff).mean()
        dpred = diff * (2.0 / len(y))                          # (N,)

        G["rho2_w"] = np.einsum("n,nk->k", dpred, c["h"])[None, :]
        G["rho2_b"] = np.array([dpred.sum()])
        dr1 = np.outer(dpred, P["rho2_w"][0]) * (c["r1"] > 0)
        G["rho1_w"] = np.einsum("nk,nl->kl", dr1, c["pooled"])
        G["rho1_b"] = dr1.sum(axis=0)
        dpooled = np.einsum("nk,kl->nl", dr1, P["rho1_w"])
        dz2 = np.einsum("ns,nl->nsl", c["w"], dpooled) * (1.0 - c["e"] ** 2)
        G["phi2_w"] = np.einsum("nsl,nsh->lh", dz2, c["a1"])
        G["phi2_b"] = dz2.sum(axis=(0, 1))
        dz1 = np.einsum("nsl,lh->nsh", dz2, P["phi2_w"]) * (c["z1"] > 0)
        G["phi1_w"] = np.einsum("nsh,nsd->hd", dz1, c["x"])
        G["phi1_b"] = dz1.sum(axis=(0, 1))
        return loss

    def train_step(self, X, y):
        loss = self.backward(X, y)
        for k, p in self.params.items():
            g = self.grads[k] + self.wd * p
            b = self.buf[k]
            b *= self.mu
            b += g
            p -= self.lr * b
        return float(loss)
