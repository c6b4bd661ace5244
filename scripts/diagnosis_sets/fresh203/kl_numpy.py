"""Tied-weight sparse autoencoder with a KL sparsity target, from scratch in NumPy.

    h     = sigmoid(X @ W + b1)            W (n_in, n_hidden): encoder; its transpose decodes
    X_hat = h @ W.T + b2                   linear decoder with the tied weights
    loss  = 0.5 * sum((X_hat - X)**2) / N
            + beta * sum_j KL(rho || rho_hat_j),   rho_hat = mean of h over the batch

SGD with heavy-ball momentum (v = mu v + g; p -= lr v), then every column of W (one hidden
unit's dictionary atom, a decoder column) is rescaled to unit norm.
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class TiedKLAutoencoder:
    def __init__(self, n_in=16, n_hidden=24, rho=0.05, beta=0.5, lr=0.1, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.rho = rho
        self.beta = beta
        self.lr = lr
        self.mu = momentum
        self.params = {
            "W": rng.normal(0.0, 0.3, (n_in, n_hidden)),
            "b1": np.zeros(n_hidden),
            "b2": np.zeros(n_in),
        }
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}

    def forward(self, X):
        p = self.params
        h = sigmoid(X @ p["W"] + p["b1"])
        X_hat = h @ p["W"].T + p["b2"]
        return h, X_hat

    def _loss(self, X, h, X_hat):
        N = X.shape[0]
        rho, rho_hat = self.rho, h.mean(axis=0)
        recon = 0.5 * np.sum((X_hat - X) ** 2) / N
        kl = np.sum(rho * np.log(rho / rho_hat) + (1 - rho) * np.log((1 - rho) / (1 - rho_hat)))
        return recon + self.beta * kl

    def loss(self, X, y=None):
        h, X_hat = self.forward(X)
        return self._loss(X, h, X_hat)

    def backward(self, X):
        p = self.params
        N = X.shape[0]
        h, X_hat = self.forward(X)
        loss = self._loss(X, h, X_hat)

        d_xhat = (X_hat - X) / N
        self.grads["b2"] = d_xhat.sum(axis=0)
        dW_dec = d_xhat.T @ h                       # decoder path: X_hat = h W^T
        dh = d_xhat @ p["W"]
        rho, rho_hat = self.rho, h.mean(axis=0)
        dh = dh + self.beta * (-rho / rho_hat + (1 - rho) / (1 - rho_hat)) / N
        dpre = dh * h * (1 - h)
        self.grads["b1"] = dpre.sum(axis=0)
        self.grads["W"] = dW_dec + X.T @ dpre      # tied: both paths
        return loss

    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.mu * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]
        W = self.params["W"]
        W /= np.linalg.norm(W, axis=0, keepdims=True)

    def train_step(self, X, y):
        loss = self.backward(X)
        self.update()
        return float(loss)
