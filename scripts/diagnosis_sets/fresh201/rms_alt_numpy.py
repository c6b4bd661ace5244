"""rms_numpy.py written another way: weights kept (out, in) like nn.Linear, products by
np.einsum, the RMS through np.linalg.norm, silu'(a) written as s + silu(a) (1 - s), the AdamW
moments and the weights updated in place.

Same network, loss, optimizer and warmup as rms_numpy.py:RMSGLUNet.
"""

import math

import numpy as np


class RMSGLUNetT:
    def __init__(self, d_in=12, d_model=16, d_ff=32, n_classes=4, lr=5e-3, warmup=10,
                 betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1, norm_eps=1e-6, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W_in": (rng.standard_normal((d_in, d_model)) / math.sqrt(d_in)).T.copy(),
            "b_in": np.zeros(d_model),
            "g": np.ones(d_model),
            "W_gate": (rng.standard_normal((d_model, d_ff)) / math.sqrt(d_model)).T.copy(),
            "W_up": (rng.standard_normal((d_model, d_ff)) / math.sqrt(d_model)).T.copy(),
            "W_down": (rng.standard_normal((d_ff, d_model)) / math.sqrt(d_ff)).T.copy(),
            "W_head": (rng.standard_normal((d_model, n_classes)) / math.sqrt(d_model)).T.copy(),
            "b_head": np.zeros(n_classes),
        }
        self.grads = {}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.hp = dict(lr=lr, warmup=warmup, b1=betas[0], b2=betas[1], eps=eps,
                       wd=weight_decay, norm_eps=norm_eps)

    def _forward(self, X):
        p = self.params
        d = p["g"].shape[0]
        h0 = np.einsum("ni,oi->no", X, p["W_in"]) + p["b_in"]
        rms = np.linalg.norm(h0, axis=1, keepdims=True) / math.sqrt(d)
        r = 1.0 / np.sqrt(rms ** 2 + self.hp["norm_eps"])
        xn = h0 * r
        n = xn * p["g"]
        a = np.einsum("nd,fd->nf", n, p["W_gate"])
        b = np.einsum("nd,fd->nf", n, p["W_up"])
        s = 0.5 * (1.0 + np.tanh(0.5 * a))             # the logistic sigmoid
        act = a * s
        u = act * b
        h1 = h0 + np.einsum("nf,df->nd", u, p["W_down"])
        logits = np.einsum("nd,cd->nc", h1, p["W_head"]) + p["b_head"]
        return logits, (h0, r, xn, n, a, b, s, act, u, h1)

    def loss(self, X, y):
        logits, _ = self._forward(X)
        mx = logits.max(axis=1, keepdims=True)
        lse = mx[:, 0] + np.log(np.exp(logits - mx).sum(axis=1))
        return np.mean(lse - logits[np.arange(len(y)), y])

    def train_step(self, X, y):
        p, hp = self.params, self.hp
        logits, (h0, r, xn, n, a, b, s, act, u, h1) = self._forward(X)
        N, C = logits.shape
        mx = logits.max(axis=1, keepdims=True)
        lse = mx[:, 0] + np.log(np.exp(logits - mx).sum(axis=1))
        loss = np.mean(lse - logits[np.arange(N), y])

        onehot = np.zeros_like(logits)
        onehot[np.arange(N), y] = 1.0
        dlogits = (np.exp(logits - lse[:, None]) - onehot) / N
        g = {}
        g["W_head"] = np.einsum("nc,nd->cd", dlogits, h1)
        g["b_head"] = dlogits.sum(axis=0)
        dh1 = np.einsum("nc,cd->nd", dlogits, p["W_head"])
        g["W_down"] = np.einsum("nd,nf->df", dh1, u)
        du = np.einsum("nd,df->nf", dh1, p["W_down"])
        da = du * b * (s + act * (1.0 - s))
        db = du * act
        g["W_gate"] = np.einsum("nf,nd->fd", da, n)
        g["W_up"] = np.einsum("nf,nd->fd", db, n)
        dn = np.einsum("nf,fd->nd", da, p["W_gate"]) + np.einsum("nf,fd->nd", db, p["W_up"])
        g["g"] = np.einsum("nd,nd->d", dn, xn)
        dxn = dn * p["g"]
        proj = np.einsum("nd,nd->n", dxn, xn)[:, None] / xn.shape[1]
        dh0 = dh1 + r * dxn - r * xn * proj
        g["W_in"] = np.einsum("no,ni->oi", dh0, X)
        g["b_in"] = dh0.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = hp["lr"] * min(1.0, self.t / hp["warmup"])
        c1 = 1.0 - hp["b1"] ** self.t
        c2 = 1.0 - hp["b2"] ** self.t
        for k, w in p.items():
            m, v, gk = self.m[k], self.v[k], g[k]
            w *= 1.0 - lr * hp["wd"]
            m *= hp["b1"]
            m += (1.0 - hp["b1"]) * gk
            v *= hp["b2"]
            v += (1.0 - hp["b2"]) * np.square(gk)
            denom = np.sqrt(v / c2)
            denom += hp["eps"]
            w -= (lr / c1) * m / denom
        return float(loss)
