"""Hurdle model (Bernoulli zero/positive + zero-truncated Poisson) on a small ReLU MLP, NumPy,
trained with SGD with Nesterov momentum.

    h   = relu(X @ W1 + b1)                  (n, 6)
    out = h @ W2 + b2                        (n, 2): column 0 the hurdle logit z, column 1 eta
    p   = sigmoid(z) = P(y > 0),  lambda = softplus(eta)
    y == 0:  log(1 - p)
    y  > 0:  log p + y log lambda - lambda - lgamma(y + 1) - log(1 - exp(-lambda))
    loss = mean negative log-likelihood over all n rows
"""
import math
import os

import numpy as np


def softplus(x):
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class HurdleNet:
    def __init__(self, n_in=4, hidden=6, lr=0.05, momentum=0.9, seed=3):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, math.sqrt(2.0 / n_in), size=(n_in, hidden))
        self.b1 = np.full(hidden, 0.1)
        self.W2 = rng.normal(0, 1.0 / math.sqrt(hidden), size=(hidden, 2))
        self.b2 = np.array([0.0, 0.5])
        self.lr, self.mu = lr, momentum
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def forward(self, X):
        self.X = X
        self.a1 = X @ self.W1 + self.b1
        self.h = np.maximum(self.a1, 0)
        out = self.h @ self.W2 + self.b2
        return out[:, 0], out[:, 1]

    def loss(self, X, y):
        z, eta = self.forward(X)
        lam = softplus(eta)
        pos = y > 0
        lgam = np.array([math.lgamma(v + 1.0) for v in y], dtype=y.dtype)
        ll_zero = -softplus(z)
        ll_pos = (-softplus(-z) + y * np.log(lam) - lam - lgam
                  - np.log(-np.expm1(-lam)))
        ll = np.where(pos, ll_pos, ll_zero)
        self.cache = (z, eta, lam, pos)
        return -ll.mean()

    def backward(self, y):
        z, eta, lam, pos = self.cache
        n = y.shape[0]
        p = sigmoid(z)
        dll_dz = pos.astype(z.dtype) - p
        dll_dlam = np.where(pos, y / lam - 1.0 / (-np.expm1(-lam)), 0.0)
        dll_deta = dll_dlam
        dout = -np.stack([dll_dz, dll_deta], axis=1) / n
        g = {}
        g["W2"] = self.h.T @ dout
        g["b2"] = dout.sum(axis=0)
        dh = dout @ self.W2.T
        da = dh * (self.a1 > 0)
        g["W1"] = self.X.T @ da
        g["b1"] = da.sum(axis=0)
        self.grads = g
        return g

    def update(self, g):
        for k, gk in g.items():
            self.velocity[k] = self.mu * self.velocity[k] + gk
            setattr(self, k, getattr(self, k) - self.lr * (gk + self.mu * self.velocity[k]))

    def train_step(self, X, y):
        loss = self.loss(X, y)
        self.update(self.backward(y))
        return loss


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "hurdle.npz"))
    net = HurdleNet()
    for s in range(200):
        L = net.train_step(d["X"], d["y"])
        if s % 40 == 0:
            print(s, L)
