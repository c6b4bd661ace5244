"""Variational autoencoder (Kingma and Welling 2014) in NumPy, small: an encoder 8 -> 8 tanh
with two linear heads, the mean mu and the log-variance logvar of a 2-d Gaussian code; the
reparameterisation z = mu + exp(0.5 logvar) * eps with eps drawn once from a fixed seed (the
same noise every step, so that the run is repeatable); a decoder 2 -> 8 tanh -> 8 linear.
The loss per example is the Gaussian reconstruction term 0.5 ||x_hat - x||^2 plus the KL
divergence of N(mu, exp(logvar)) from N(0, I), -0.5 sum(1 + logvar - mu^2 - exp(logvar)),
averaged over the batch. Backward by hand; Adam.

    X: (n, 8) readings, y: (n, 8) the same readings (the reconstruction target)
"""

import numpy as np

N_IN, HIDDEN, LATENT = 8, 8, 2
NOISE_SEED = 7
NAMES = ("We", "be", "Wm", "bm", "Wv", "bv", "Wd", "bd", "Wo", "bo")


class VAE:
    def __init__(self, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=4):
        rng = np.random.default_rng(seed)
        self.We = rng.normal(0.0, 1.0 / np.sqrt(N_IN), (N_IN, HIDDEN))
        self.be = np.zeros(HIDDEN)
        self.Wm = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, LATENT))
        self.bm = np.zeros(LATENT)
        self.Wv = rng.normal(0.0, 0.5 / np.sqrt(HIDDEN), (HIDDEN, LATENT))
        self.bv = np.zeros(LATENT)
        self.Wd = rng.normal(0.0, 1.0 / np.sqrt(LATENT), (LATENT, HIDDEN))
        self.bd = np.zeros(HIDDEN)
        self.Wo = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, N_IN))
        self.bo = np.zeros(N_IN)
        self.lr, self.betas, self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.t = 0

    def train_step(self, X, y):
        n = len(X)
        noise = np.random.default_rng(NOISE_SEED).standard_normal((n, LATENT)).astype(X.dtype)
        h = np.tanh(X @ self.We + self.be)
        mu = h @ self.Wm + self.bm
        logvar = h @ self.Wv + self.bv
        std = np.exp(0.5 * logvar)
        z = mu + std * noise
        hd = np.tanh(z @ self.Wd + self.bd)
        x_hat = hd @ self.Wo + self.bo
        recon = 0.5 * np.sum((x_hat - y) ** 2) / n
        kl = -0.5 * np.sum(1.0 + logvar - mu ** 2 - np.exp(logvar)) / n
        loss = recon + kl

        d_xhat = (x_hat - y) / n
        d_hd = (d_xhat @ self.Wo.T) * (1.0 - hd ** 2)
        d_z = d_hd @ self.Wd.T
        d_mu = d_z + mu / n
        d_logvar = d_z * noise * std + 0.5 * (np.exp(logvar) - 1.0) / n   # fix: d_logvar = d_z * noise * 0.5 * std + 0.5 * (np.exp(logvar) - 1.0) / n
        d_h = (d_mu @ self.Wm.T + d_logvar @ self.Wv.T) * (1.0 - h ** 2)
        self.grads = {"We": X.T @ d_h, "be": d_h.sum(axis=0),
                      "Wm": h.T @ d_mu, "bm": d_mu.sum(axis=0),
                      "Wv": h.T @ d_logvar, "bv": d_logvar.sum(axis=0),
                      "Wd": z.T @ d_hd, "bd": d_hd.sum(axis=0),
                      "Wo": hd.T @ d_xhat, "bo": d_xhat.sum(axis=0)}

        self.t += 1
        b1, b2 = self.betas
        for k, g in self.grads.items():
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            getattr(self, k)[...] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
