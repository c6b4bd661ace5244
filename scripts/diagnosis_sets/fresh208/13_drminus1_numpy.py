"""Negative-binomial regression MLP (NB2) with a softplus dispersion head, from scratch in NumPy.

    X: (N, 4) features; y: (N,) counts.
    h = relu(x W1 + b1);  out = h W2 + b2 (two columns)
    eta = out[:, 0]  (mu = exp(eta), log link);  alpha = softplus(out[:, 1])  (dispersion)
    r = 1 / alpha (the NB "size"), Var[y] = mu + alpha mu^2
    nll = -lgamma(y + r) + lgamma(r) + lgamma(y + 1) - r log r - y eta + (r + y) log(r + mu)
    loss = mean(nll)

Trained with RMSprop written by hand (lr 0.01, rho 0.9, eps 1e-8 outside the square root,
as torch.optim.RMSprop). Parameters: self.params = {W1 (4, 16), b1 (16,), W2 (16, 2), b2 (2,)}.
"""

import numpy as np
from scipy.special import digamma, gammaln


def softplus(z):
    return np.logaddexp(0.0, z)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class NegBinMLP:
    def __init__(self, n_features=4, hidden=16, lr=0.01, rho=0.9, eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_features, hidden)) * np.sqrt(2.0 / n_features),
            "b1": np.full(hidden, 0.1),
            "W2": rng.standard_normal((hidden, 2)) * 0.1,
            "b2": np.array([0.5, -0.5]),
        }
        self.lr, self.rho, self.eps = lr, rho, eps
        self.sq_avg = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.grads = {}

    def _forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h = np.maximum(z1, 0.0)
        out = h @ p["W2"] + p["b2"]
        eta, zd = out[:, 0], out[:, 1]
        alpha = softplus(zd)
        return eta, zd, alpha, (z1, h)

    @staticmethod
    def _nll(eta, alpha, y):
        r = 1.0 / alpha
        mu = np.exp(eta)
        return (-gammaln(y + r) + gammaln(r) + gammaln(y + 1) - r * np.log(r) - y * eta
                + (r + y) * np.log(r + mu))

    def loss(self, X, y):
        eta, _, alpha, _ = self._forward(X)
        return np.mean(self._nll(eta, alpha, y))

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        eta, zd, alpha, (z1, h) = self._forward(X)
        loss = np.mean(self._nll(eta, alpha, y))
        r = 1.0 / alpha
        mu = np.exp(eta)
        deta = r * (mu - y) / (r + mu)
        dr = (-digamma(y + r) + digamma(r) - np.log(r) + np.log(r + mu)
              + (r + y) / (r + mu))
        dalpha = dr * (-r * r)                       # dr/dalpha = -1/alpha^2
        dzd = dalpha * sigmoid(zd)                   # softplus'(z) = sigmoid(z)
        dout = np.stack([deta, dzd], axis=1) / N     # (N, 2)
        self.grads["W2"] = h.T @ dout
        self.grads["b2"] = dout.sum(axis=0)
        dh = dout @ p["W2"].T
        dz1 = dh * (z1 > 0)
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def rmsprop(self):
        for k, p in self.params.items():
            g = self.grads[k]
            self.sq_avg[k] = self.rho * self.sq_avg[k] + (1 - self.rho) * g * g
            p -= self.lr * g / (np.sqrt(self.sq_avg[k]) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.rmsprop()
        return float(loss)
