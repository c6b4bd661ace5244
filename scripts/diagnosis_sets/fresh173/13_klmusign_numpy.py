"""A VAE with a Gaussian decoder (unit variance, squared error), from scratch in NumPy.

    h = tanh(X @ W_enc + b_enc)                          8 -> 10
    mu = h @ W_mu + b_mu ; logvar = h @ W_lv + b_lv      10 -> 2 (each)
    z = mu + exp(logvar / 2) * eps                       eps given as y, drawn once
    g = tanh(z @ W_dec + b_dec)                          2 -> 10
    xhat = g @ W_out + b_out                             10 -> 8, linear

    loss = mean over the batch of [ 0.5 * ||xhat_i - x_i||^2 + KL_i ]
    KL_i = 0.5 * sum_k (mu^2 + exp(logvar) - 1 - logvar)

RMSprop (lr 5e-3, alpha (rho) 0.9, eps 1e-8 added to the root, as torch.optim.RMSprop).
Parameters are attributes; self.grads is keyed by their names.
"""

import math

import numpy as np

PARAMS = ("W_enc", "b_enc", "W_mu", "b_mu", "W_lv", "b_lv", "W_dec", "b_dec", "W_out", "b_out")


class GaussianVAE:
    def __init__(self, n_in=8, hidden=10, latent=2, lr=5e-3, rho=0.9, eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)

        def glorot(a, b):
            return rng.normal(0.0, math.sqrt(2.0 / (a + b)), (a, b))

        self.W_enc, self.b_enc = glorot(n_in, hidden), np.zeros(hidden)
        self.W_mu, self.b_mu = glorot(hidden, latent), np.zeros(latent)
        self.W_lv, self.b_lv = glorot(hidden, latent), np.zeros(latent)
        self.W_dec, self.b_dec = glorot(latent, hidden), np.zeros(hidden)
        self.W_out, self.b_out = glorot(hidden, n_in), np.zeros(n_in)
        self.grads = {}
        self.lr, self.rho, self.eps = lr, rho, eps
        self.sq_avg = {name: np.zeros_like(getattr(self, name)) for name in PARAMS}

    def _forward(self, X, eps):
        X = X.astype(self.W_enc.dtype, copy=False)
        eps = eps.astype(self.W_enc.dtype, copy=False)
        h = np.tanh(X @ self.W_enc + self.b_enc)
        mu = h @ self.W_mu + self.b_mu
        logvar = h @ self.W_lv + self.b_lv
        sigma = np.exp(logvar / 2)
        z = mu + sigma * eps
        g = np.tanh(z @ self.W_dec + self.b_dec)
        xhat = g @ self.W_out + self.b_out
        return X, eps, h, mu, logvar, sigma, z, g, xhat

    @staticmethod
    def _objective(X, mu, logvar, xhat):
        n = X.shape[0]
        recon = 0.5 * np.sum((xhat - X) ** 2) / n
        kl = 0.5 * np.sum(mu ** 2 + np.exp(logvar) - 1 - logvar) / n
        return recon + kl

    def loss(self, X, y):
        X, eps, h, mu, logvar, sigma, z, g, xhat = self._forward(X, y)
        return self._objective(X, mu, logvar, xhat)

    def train_step(self, X, y):
        X, eps, h, mu, logvar, sigma, z, g, xhat = self._forward(X, y)
        loss = self._objective(X, mu, logvar, xhat)
        n = X.shape[0]

        d_xhat = (xhat - X) / n
        self.grads["W_out"] = g.T @ d_xhat
        self.grads["b_out"] = d_xhat.sum(0)
        d_g = d_xhat @ self.W_out.T
        d_a = d_g * (1 - g * g)
        self.grads["W_dec"] = z.T @ d_a
        self.grads["b_dec"] = d_a.sum(0)
        d_z = d_a @ self.W_dec.T

        d_mu = d_z - mu / n
        d_lv = d_z * eps * sigma / 2 + (np.exp(logvar) - 1) / (2 * n)
        self.grads["W_mu"] = h.T @ d_mu
        self.grads["b_mu"] = d_mu.sum(0)
        self.grads["W_lv"] = h.T @ d_lv
        self.grads["b_lv"] = d_lv.sum(0)
        d_h = d_mu @ self.W_mu.T + d_lv @ self.W_lv.T
        d_e = d_h * (1 - h * h)
        self.grads["W_enc"] = X.T @ d_e
        self.grads["b_enc"] = d_e.sum(0)

        for name in PARAMS:
            grad = self.grads[name]
            self.sq_avg[name] = self.rho * self.sq_avg[name] + (1 - self.rho) * grad ** 2
            w = getattr(self, name)
            setattr(self, name, w - self.lr * grad / (np.sqrt(self.sq_avg[name]) + self.eps))
        return float(loss)
