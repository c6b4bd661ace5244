"""The per-sample hypernetwork classifier of hyper_numpy.py written another way: the
hypernetwork's layers as attributes, the generated matrices applied with a batched np.matmul on
(n, 1, 4) rows, every gradient formed with np.einsum (the per-sample weight gradient as an outer
product 'ni,no->nio', flattened and contracted into the hypernetwork in one go), the softmax via
log-sum-exp, and the SGD update made in place with np.subtract(..., out=...).

    X: float (n, 6): features X[:, :4], context code X[:, 4:]; y: one-hot (n, 3)
"""

import numpy as np

DIN, DOUT, DZ, HID = 4, 3, 2, 5


class HyperNetFlat:
    def __init__(self, lr=0.5, seed=7):
        rng = np.random.default_rng(seed)
        self.H1 = rng.normal(0.0, 0.6, (DZ, HID))
        self.c1 = rng.normal(0.0, 0.1, HID)
        self.H2 = rng.normal(0.0, 0.3, (HID, DIN * DOUT))
        self.c2 = rng.normal(0.0, 0.3, DIN * DOUT)
        self.b = np.zeros(DOUT)
        self.lr = lr

    def train_step(self, X, y):
        x, z = X[:, :DIN], X[:, DIN:]
        n = x.shape[0]
        a = np.tanh(np.einsum("nd,dh->nh", z, self.H1) + self.c1)
        W = (np.einsum("nh,hk->nk", a, self.H2) + self.c2).reshape(n, DIN, DOUT)
        logits = np.matmul(x[:, None, :], W)[:, 0, :] + self.b
        m = logits.max(axis=1, keepdims=True)
        lse = m + np.log(np.exp(logits - m).sum(axis=1, keepdims=True))
        logp = logits - lse
        loss = -np.einsum("no,no->", y, logp) / n

        d_logits = (np.exp(logp) - y) / n
        dw = np.einsum("ni,no->nio", x, d_logits).reshape(n, -1)
        d_pre = np.einsum("nk,hk->nh", dw, self.H2) * (1.0 - a * a)
        self.grads = {
            "H2": np.einsum("nh,nk->hk", a, dw),
            "c2": np.einsum("nk->k", dw),
            "H1": np.einsum("nd,nh->dh", z, d_pre),
            "c1": np.einsum("nh->h", d_pre),
            "b": np.einsum("no->o", d_logits),
        }
        for name, grad in self.grads.items():
            param = getattr(self, name)
            np.subtract(param, self.lr * grad, out=param)
        return float(loss)
