"""A Gaussian-decoder VAE (squared-error reconstruction, beta-weighted KL) in NumPy, RMSprop.

One encoder head gives both halves: [mu | logvar] = tanh(X We1 + be1) We2 + be2.
z = mu + exp(0.5 logvar) * eps with eps the batch's y (fixed noise, never drawn here).
decoder: xhat = sigmoid(relu(z Wd1 + bd1) Wd2 + bd2)
loss = mean over rows of [ sum_j (xhat - X)^2 + beta * KL ],  beta = 0.5
RMSprop: sq = alpha sq + (1 - alpha) g^2;  p -= lr g / (sqrt(sq) + eps)  (alpha 0.9, lr 2e-3).
"""

import math

import numpy as np


class BetaVAE:
    names = ("We1", "be1", "We2", "be2", "Wd1", "bd1", "Wd2", "bd2")

    def __init__(self, n_in=10, n_hidden=12, n_latent=2, beta=0.5, lr=2e-3, alpha=0.9,
                 eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        self.n_latent = n_latent

        def glorot(a, b):
            return rng.normal(0.0, math.sqrt(2.0 / (a + b)), (a, b))

        self.We1, self.be1 = glorot(n_in, n_hidden), np.zeros(n_hidden)
        self.We2, self.be2 = glorot(n_hidden, 2 * n_latent), np.zeros(2 * n_latent)
        self.Wd1, self.bd1 = glorot(n_latent, n_hidden), np.full(n_hidden, 0.1)
        self.Wd2, self.bd2 = glorot(n_hidden, n_in), np.zeros(n_in)
        self.beta, self.lr, self.alpha, self.eps = beta, lr, alpha, eps
        self.sq = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.grads = {}

    def _forward(self, X, noise):
        L = self.n_latent
        h = np.tanh(X @ self.We1 + self.be1)
        enc = h @ self.We2 + self.be2
        mu, logvar = enc[:, :L], enc[:, L:]
        std = np.exp(0.5 * logvar)
        z = mu + std * noise
        a = z @ self.Wd1 + self.bd1
        r = np.maximum(a, 0)
        xhat = 1.0 / (1.0 + np.exp(-(r @ self.Wd2 + self.bd2)))
        return h, mu, logvar, std, z, a, r, xhat

    def loss(self, X, noise):
        _, mu, logvar, _, _, _, _, xhat = self._forward(X, noise)
        recon = ((xhat - X) ** 2).sum(axis=1)
        kl = -0.5 * (1 + logvar - mu ** 2 - np.exp(logvar)).sum(axis=1)
        return float((recon + self.beta * kl).mean())

    def train_step(self, X, y):
        noise = y
        n = X.shape[0]
        h, mu, logvar, std, z, a, r, xhat = self._forward(X, noise)
        recon = ((xhat - X) ** 2).sum(axis=1)
        kl = -0.5 * (1 + logvar - mu ** 2 - np.exp(logvar)).sum(axis=1)
        loss = (recon + self.beta * kl).mean()

        dxhat = 2 * (xhat - X) / n
        dout = dxhat * xhat * (1 - xhat)
        self.grads["Wd2"] = r.T @ dout
        self.grads["bd2"] = dout.sum(axis=0)
        da = (dout @ self.Wd2.T) * (a > 0)
        self.grads["Wd1"] = z.T @ da
        self.grads["bd1"] = da.sum(axis=0)
        dz = da @ self.Wd1.T
        dmu = dz + self.beta * mu / n
        dlogvar = dz * noise * 0.5 * std + 0.5 * self.beta * (np.exp(logvar) - 1) / n
        denc = np.concatenate([dmu, dlogvar], axis=1)
        self.grads["We2"] = h.T @ denc
        self.grads["be2"] = denc.sum(axis=0)
        dpre = (denc @ self.We2.T) * (1 - h * h)
        self.grads["We1"] = X.T @ dpre
        self.grads["be1"] = dpre.sum(axis=0)

        for k in self.names:
            g = self.grads[k]
            self.sq[k] = self.alpha * self.sq[k] + (1 - self.alpha) * g * g
            setattr(self, k, getattr(self, k) - self.lr * g / (np.sqrt(self.sq[k]) + self.eps))
        return float(loss)
