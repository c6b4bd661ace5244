"""Untied sparse autoencoder (ReLU codes, L1 penalty), from scratch in NumPy, trained with Adam.

    f     = relu((X - b_dec) @ W_enc + b_enc)     W_enc (n_in, n_feat)
    X_hat = f @ W_dec + b_dec                     W_dec (n_feat, n_in): one row per feature
    loss  = mean over rows of ||X_hat - X||^2 + lam * mean over rows of ||f||_1

Adam (bias-corrected, as torch.optim.Adam); after each step every feature's decoder vector
(a row of W_dec, a column of the decoder matrix) is rescaled to unit norm.
"""

import math

import numpy as np


class SparseAutoencoder:
    def __init__(self, n_in=16, n_feat=32, lam=0.1, lr=5e-3, betas=(0.9, 0.999), eps=1e-8,
                 seed=1):
        rng = np.random.default_rng(seed)
        W_dec = rng.standard_normal((n_feat, n_in)) * 0.4
        self.W_enc = W_dec.T.copy() * 0.8
        self.b_enc = np.zeros(n_feat)
        self.W_dec = W_dec
        self.b_dec = np.zeros(n_in)
        self.lam = lam
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.names = ("W_enc", "b_enc", "W_dec", "b_dec")
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0
        self.grads = {}

    def forward(self, X):
        xc = X - self.b_dec
        pre = xc @ self.W_enc + self.b_enc
        f = np.maximum(pre, 0.0)
        X_hat = f @ self.W_dec + self.b_dec
        return xc, pre, f, X_hat

    def _loss(self, X, f, X_hat):
        recon = np.sum((X_hat - X) ** 2, axis=1).mean()
        sparsity = np.abs(f).sum(axis=1).mean()
        return recon + self.lam * sparsity

    def loss(self, X, y=None):
        _, _, f, X_hat = self.forward(X)
        return self._loss(X, f, X_hat)

    def backward(self, X):
        N = X.shape[0]
        xc, pre, f, X_hat = self.forward(X)
        loss = self._loss(X, f, X_hat)

        d_xhat = 2.0 * (X_hat - X) / N
        g = {}
        g["W_dec"] = f.T @ d_xhat
        db_dec = d_xhat.sum(axis=0)
        df = d_xhat @ self.W_dec.T + self.lam * np.sign(f) / N
        dpre = df * (pre > 0)
        g["W_enc"] = xc.T @ dpre
        g["b_enc"] = dpre.sum(axis=0)
        db_dec -= (dpre @ self.W_enc.T).sum(axis=0)   # b_dec is also subtracted at the input
        g["b_dec"] = db_dec
        self.grads = g
        return loss

    def adam(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k in self.names:
            p, g = getattr(self, k), self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k] / bc2 + self.eps)
            p -= (self.lr / bc1) * self.m[k] / denom

    def renorm_decoder(self):
        self.W_dec /= np.linalg.norm(self.W_dec, axis=1, keepdims=True)

    def train_step(self, X, y):
        loss = self.backward(X)
        self.adam()
        self.renorm_decoder()
        return float(loss)
