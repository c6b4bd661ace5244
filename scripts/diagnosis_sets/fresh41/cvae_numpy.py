"""Conditional VAE in NumPy (Sohn et al. 2015), Gaussian decoder: the class label, one-hot, is
concatenated to the input of the encoder ([x, c]: 6 + 3 -> 8 tanh, heads mu and logvar of a
2-d code) and to the code at the decoder's input ([z, c]: 2 + 3 -> 8 tanh -> 6 linear).
z = mu + exp(0.5 logvar) * eps with eps stored in the data. Loss per example: the squared error
summed over the readings plus BETA = 0.5 times the closed-form KL to N(0, I) summed over the
code; averaged over the batch (a beta-VAE). Backward by hand, plain SGD.

    X: (n, 11) six readings, the one-hot label (3), two noise values; y: (n, 6) the readings
"""

import numpy as np

D, K, H, L = 6, 3, 8, 2
BETA = 0.5


class CVAE:
    def __init__(self, lr=0.05, seed=5):
        rng = np.random.default_rng(seed)
        self.We = rng.normal(0.0, 1.0 / np.sqrt(D + K), (D + K, H))
        self.be = np.zeros(H)
        self.Wm = rng.normal(0.0, 1.0 / np.sqrt(H), (H, L))
        self.bm = np.zeros(L)
        self.Wv = rng.normal(0.0, 0.5 / np.sqrt(H), (H, L))
        self.bv = np.zeros(L)
        self.Wd = rng.normal(0.0, 1.0 / np.sqrt(L + K), (L + K, H))
        self.bd = np.zeros(H)
        self.Wo = rng.normal(0.0, 1.0 / np.sqrt(H), (H, D))
        self.bo = np.zeros(D)
        self.lr = lr

    def train_step(self, X, y):
        n = len(X)
        x, c, eps = X[:, :D], X[:, D:D + K], X[:, D + K:]
        xc = np.concatenate([x, c], axis=1)
        h = np.tanh(xc @ self.We + self.be)
        mu = h @ self.Wm + self.bm
        logvar = h @ self.Wv + self.bv
        std = np.exp(0.5 * logvar)
        z = mu + std * eps
        zc = np.concatenate([z, c], axis=1)
        hd = np.tanh(zc @ self.Wd + self.bd)
        x_hat = hd @ self.Wo + self.bo
        recon = np.sum((x_hat - y) ** 2) / n
        kl = -0.5 * np.sum(1.0 + logvar - mu ** 2 - np.exp(logvar)) / n
        loss = recon + BETA * kl

        d_xhat = 2.0 * (x_hat - y) / n
        d_hd = (d_xhat @ self.Wo.T) * (1.0 - hd ** 2)
        d_z = d_hd @ self.Wd[:L].T
        d_mu = d_z + BETA * mu / n
        d_logvar = d_z * eps * 0.5 * std + BETA * 0.5 * (np.exp(logvar) - 1.0) / n
        d_h = (d_mu @ self.Wm.T + d_logvar @ self.Wv.T) * (1.0 - h ** 2)
        self.grads = {"We": xc.T @ d_h, "be": d_h.sum(axis=0),
                      "Wm": h.T @ d_mu, "bm": d_mu.sum(axis=0),
                      "Wv": h.T @ d_logvar, "bv": d_logvar.sum(axis=0),
                      "Wd": zc.T @ d_hd, "bd": d_hd.sum(axis=0),
                      "Wo": hd.T @ d_xhat, "bo": d_xhat.sum(axis=0)}
        for k, g in self.grads.items():
            getattr(self, k)[...] -= self.lr * g
        return float(loss)
