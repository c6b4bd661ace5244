"""The Bernoulli VAE in NumPy written with its parameters in one dict and the layers as a small
table, every matrix product through np.einsum, the sigmoid as 0.5 (1 + tanh(a / 2)), the BCE
from the logits as -(y log p + (1 - y) log(1 - p)) written with np.log1p, the KL's gradient
taken from sigma^2 = std * std, and the update with np.subtract(..., out=).

    X: (n, 8) six pixels then two noise values, y: (n, 6) the pixels
"""

import numpy as np

D, H, L = 6, 8, 2
BETA = 1.0
SHAPES = (("We", (D, H), 1.0 / np.sqrt(D)), ("be", (H,), 0.0),
          ("Wm", (H, L), 1.0 / np.sqrt(H)), ("bm", (L,), 0.0),
          ("Wv", (H, L), 0.5 / np.sqrt(H)), ("bv", (L,), 0.0),
          ("Wd", (L, H), 1.0 / np.sqrt(L)), ("bd", (H,), 0.0),
          ("Wo", (H, D), 1.0 / np.sqrt(H)), ("bo", (D,), 0.0))


def sigmoid(a):
    return 0.5 * (1.0 + np.tanh(0.5 * a))


class DictVAE:
    def __init__(self, lr=0.5, seed=11):
        rng = np.random.default_rng(seed)
        self.params = {k: rng.normal(0.0, s, shape) if s else np.zeros(shape) for k, shape, s in SHAPES}
        self.lr = lr

    def train_step(self, X, y):
        P = self.params
        n = X.shape[0]
        x, eps = np.split(X, [D], axis=1)
        h = np.tanh(np.einsum("nd,dh->nh", x, P["We"]) + P["be"])
        mu = np.einsum("nh,hl->nl", h, P["Wm"]) + P["bm"]
        logvar = np.einsum("nh,hl->nl", h, P["Wv"]) + P["bv"]
        std = np.exp(0.5 * logvar)
        z = mu + std * eps
        hd = np.tanh(np.einsum("nl,lh->nh", z, P["Wd"]) + P["bd"])
        logits = np.einsum("nh,hd->nd", hd, P["Wo"]) + P["bo"]
        p = sigmoid(logits)
        recon = -np.sum(y * np.log(p) + (1.0 - y) * np.log1p(-p)) / n
        kl = 0.5 * np.sum(mu * mu + std * std - 1.0 - logvar) / n
        loss = recon + BETA * kl

        g = {}
        d_logits = (p - y) / n
        g["Wo"], g["bo"] = np.einsum("nh,nd->hd", hd, d_logits), d_logits.sum(0)
        d_hd = np.einsum("nd,hd->nh", d_logits, P["Wo"]) * (1.0 - hd * hd)
        g["Wd"], g["bd"] = np.einsum("nl,nh->lh", z, d_hd), d_hd.sum(0)
        d_z = np.einsum("nh,lh->nl", d_hd, P["Wd"])
        d_mu = d_z + BETA * mu / n
        d_logvar = 0.5 * (d_z * eps * std + BETA * (std * std - 1.0) / n)
        g["Wm"], g["bm"] = np.einsum("nh,nl->hl", h, d_mu), d_mu.sum(0)
        g["Wv"], g["bv"] = np.einsum("nh,nl->hl", h, d_logvar), d_logvar.sum(0)
        d_h = (np.einsum("nl,hl->nh", d_mu, P["Wm"]) + np.einsum("nl,hl->nh", d_logvar, P["Wv"])) * (1.0 - h * h)
        g["We"], g["be"] = np.einsum("nd,nh->dh", x, d_h), d_h.sum(0)
        self.grads = g
        for k in P:
            np.subtract(P[k], self.lr * g[k], out=P[k])
        return float(loss)
