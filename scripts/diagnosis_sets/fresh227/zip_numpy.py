"""Zero-inflated Poisson regression head on a small tanh MLP, NumPy, trained with Adam.

    h   = tanh(X @ W1 + b1)                 (n, 8)
    z   = h @ Wg + bg                        gate logit, pi = sigmoid(z) = P(structural zero)
    eta = h @ Wr + br                        log-rate, lambda = exp(eta)
    y == 0:  log(pi + (1 - pi) exp(-lambda))  (a log-sum-exp by hand)
    y  > 0:  log(1 - pi) + y eta - lambda - lgamma(y + 1)
    loss = mean negative log-likelihood
"""
import math
import os

import numpy as np


def softplus(x):
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class ZIPNet:
    def __init__(self, n_in=5, hidden=8, lr=0.01, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0, 1.0 / math.sqrt(n_in), size=(n_in, hidden)),
            "b1": np.zeros(hidden),
            "Wg": rng.normal(0, 1.0 / math.sqrt(hidden), size=(hidden, 1)),
            "bg": np.zeros(1),
            "Wr": rng.normal(0, 1.0 / math.sqrt(hidden), size=(hidden, 1)),
            "br": np.zeros(1),
        }
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.grads = {}

    def forward(self, X):
        p = self.params
        self.X = X
        self.h = np.tanh(X @ p["W1"] + p["b1"])
        z = (self.h @ p["Wg"] + p["bg"])[:, 0]
        eta = (self.h @ p["Wr"] + p["br"])[:, 0]
        return z, eta

    def nll(self, z, eta, y):
        lgam = np.array([math.lgamma(v + 1.0) for v in y], dtype=y.dtype)
        lam = np.exp(eta)
        log_pi = -softplus(-z)
        log_1mpi = -softplus(z)
        a = log_pi
        b = log_1mpi - lam
        m = np.maximum(a, b)
        ll0 = m + np.log(np.exp(a - m) + np.exp(b - m))
        llp = log_1mpi + y * eta - lam - lgam
        zero = y == 0
        ll = np.where(zero, ll0, llp)
        self.cache = (z, eta, lam, a, b, ll0, zero)
        return -ll.mean()

    def loss(self, X, y):
        z, eta = self.forward(X)
        return self.nll(z, eta, y)

    def backward(self, y):
        p = self.params
        z, eta, lam, a, b, ll0, zero = self.cache
        n = y.shape[0]
        pi = sigmoid(z)
        r_a = np.exp(a - ll0)          # share of the structural-zero branch
        r_b = np.exp(b - ll0)          # share of the Poisson-zero branch
        dll_dz = np.where(zero, r_a * (1 - pi) - r_b * pi, -pi)
        dll_deta = np.where(zero, -r_b * lam, y - lam)
        dz = -dll_dz / n
        deta = -dll_deta / n
        g = {}
        g["Wg"] = self.h.T @ dz[:, None]
        g["bg"] = dz.sum(keepdims=True)
        g["Wr"] = self.h.T @ deta[:, None]
        g["br"] = deta.sum(keepdims=True)
        dh = dz[:, None] @ p["Wg"].T + deta[:, None] @ p["Wr"].T
        da = dh * (1 - self.h ** 2)
        g["W1"] = self.X.T @ da
        g["b1"] = da.sum(axis=0)
        self.grads = g
        return g

    def adam(self, g):
        self.t += 1
        for k in self.params:
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g[k]
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g[k] ** 2
            mhat = self.m[k] / (1 - self.beta1 ** self.t)
            vhat = self.v[k] / (1 - self.beta2 ** self.t)
            self.params[k] -= self.lr * mhat / (np.sqrt(vhat) + self.eps)

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.adam(self.backward(y))
        return loss


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "zip.npz"))
    net = ZIPNet()
    for s in range(200):
        L = net.train_step(d["X"], d["y"])
        if s % 40 == 0:
            print(s, L)
