"""A binary RBM trained by CD-k (k = 2) with L2 weight decay and momentum, in NumPy.

The chain: ph0 = sigmoid(X W + hb); then for t = 0 .. k-1: h = [u_h(t) < ph], pv = sigmoid(h W^T + vb),
v = [u_v(t) < pv], ph = sigmoid(v W + hb); the negative statistics are taken at the last v with
its hidden probabilities. The noise is fixed data: y[:, t*(nh+nv) : t*(nh+nv)+nh] for the hidden
sample of step t, the next nv columns for its visible sample.

    grads (descent direction): W: -(X^T ph0 - vk^T phk)/N + wd W,  vb: -mean(X - vk),  hb: -mean(ph0 - phk)
    SGD with momentum 0.9: velocity = mu velocity + grad; param -= lr velocity
    returned: the reconstruction error, sum over visible units of (X - pv_k)^2, averaged over rows

Parameters (self.params): W (n_visible, n_hidden), vb (n_visible,), hb (n_hidden,).
"""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class CDkRBM:
    def __init__(self, n_visible=20, n_hidden=12, k=2, lr=0.05, momentum=0.9, l2=1e-2, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "W": rng.normal(0.0, 0.1, size=(n_visible, n_hidden)),
            "vb": rng.normal(0.0, 0.1, size=n_visible),
            "hb": np.zeros(n_hidden),
        }
        self.k = k
        self.lr, self.momentum, self.l2 = lr, momentum, l2
        self.velocity = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}

    def gibbs_chain(self, X, y):
        W, vb, hb = self.params["W"], self.params["vb"], self.params["hb"]
        nv, nh = W.shape
        v = X
        ph = sigmoid(X @ W + hb)
        for t in range(self.k):
            off = t * (nh + nv)
            u_h = y[:, off:off + nh]
            u_v = y[:, off + nh:off + nh + nv]
            h = (u_h < ph).astype(X.dtype)
            pv = sigmoid(h @ W.T + vb)
            v = (u_v < pv).astype(X.dtype)
            ph = sigmoid(v @ W + hb)
        return v, ph, pv

    def train_step(self, X, y):
        P = self.params
        N = X.shape[0]
        ph0 = sigmoid(X @ P["W"] + P["hb"])
        vk, phk, pvk = self.gibbs_chain(X, y)

        loss = ((X - pvk) ** 2).sum(axis=1).mean()

        self.grads["W"] = -(X.T @ ph0 - vk.T @ phk) / N + self.l2 * P["W"]
        self.grads["vb"] = -(X - vk).mean(axis=0)
        self.grads["hb"] = -(ph0 - phk).mean(axis=0)

        for name in P:
            self.velocity[name] = self.momentum * self.velocity[name] + self.grads[name]
            P[name] -= self.lr * self.velocity[name]
        return loss
