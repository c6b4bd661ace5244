"""Attention-pooled set classifier in NumPy, written another way than attn_numpy.py.

Same model (tanh phi, learned query with 1/sqrt(16) scaling, masked softmax, weighted sum,
tanh rho, one logit, BCE with logits, SGD lr 0.5 with weight decay 1e-3), but: weights kept
(out, in) in a dict, the masked softmax as exp(s - max over the real elements) * mask
normalised (no -inf), its backward through the explicit Jacobian diag(a) - a a^T, and the
update written as p *= 1 - lr * wd; p -= lr * g.
"""

import math

import numpy as np


class AttnPoolAlt:
    def __init__(self, d_in=4, hidden=16, rho_hidden=8, lr=0.5, weight_decay=1e-3, seed=7):
        rng = np.random.default_rng(seed)
        self.params = {
            "phi_w": rng.normal(0.0, 1.0 / math.sqrt(d_in), (hidden, d_in)),
            "phi_b": 0.05 * rng.standard_normal(hidden),
            "query": rng.normal(0.0, 1.0, hidden),
            "rho_w": rng.normal(0.0, 1.0 / math.sqrt(hidden), (rho_hidden, hidden)),
            "rho_b": 0.05 * rng.standard_normal(rho_hidden),
            "out_w": rng.normal(0.0, 1.0 / math.sqrt(rho_hidden), (1, rho_hidden)),
            "out_b": np.zeros(1),
        }
        self.grads = {}
        self.lr, self.wd = lr, weight_decay
        self.hidden = hidden

    def _forward(self, X):
        P = self.params
        x, m = X[..., :-1], X[..., -1]
        e = np.tanh(x @ P["phi_w"].T + P["phi_b"])
        s = np.einsum("nsh,h->ns", e, P["query"]) / math.sqrt(self.hidden)
        smax = np.where(m > 0, s, -np.inf).max(axis=1, keepdims=True)
        u = np.exp(np.minimum(s - smax, 0.0)) * m
        a = u / u.sum(axis=1, keepdims=True)
        pooled = np.einsum("ns,nsh->nh", a, e)
        r = np.tanh(pooled @ P["rho_w"].T + P["rho_b"])
        z = r @ P["out_w"][0] + P["out_b"][0]
        return z, (x, e, a, pooled, r)

    def loss(self, X, y):
        z = self._forward(X)[0]
        return np.mean(np.logaddexp(0.0, z) - y * z)

    def backward(self, X, y):
        P, G = self.params, self.grads
        z, (x, e, a, pooled, r) = self._forward(X)
        loss = np.mean(np.logaddexp(0.0, z) - y * z)
        sig = 0.5 * (1.0 + np.tanh(0.5 * z))
        dz = (sig - y) / len(y)

        G["out_w"] = (dz @ r)[None, :]
        G["out_b"] = np.array([dz.sum()])
        dpre = np.outer(dz, P["out_w"][0]) * (1.0 - r * r)
        G["rho_w"] = dpre.T @ pooled
        G["rho_b"] = dpre.sum(axis=0)
        dpooled = dpre @ P["rho_w"]

        da = np.einsum("nsh,nh->ns", e, dpooled)
        S = a.shape[1]
        J = a[:, :, None] * np.eye(S, dtype=a.dtype)[None] - a[:, :, None] * a[:, None, :]   # d a_j / d s_i
        ds = np.einsum("nij,nj->ni", J, da)
        c = 1.0 / math.sqrt(self.hidden)
        de = np.einsum("ns,nh->nsh", a, dpooled) + c * np.einsum("ns,h->nsh", ds, P["query"])
        G["query"] = c * np.einsum("ns,nsh->h", ds, e)
        dh = de * (1.0 - e * e)
        G["phi_w"] = np.einsum("nsh,nsd->hd", dh, x)
        G["phi_b"] = dh.sum(axis=(0, 1))
        return loss

    def train_step(self, X, y):
        loss = self.backward(X, y)
        for k, p in self.params.items():
            p *= 1.0 - self.lr * self.wd
            p -= self.lr * self.grads[k]
        return float(loss)
