"""Residual MLP whose two residual blocks share one layer (the same W and b applied twice, as in a
weight-tied / recurrent-depth network): h1 = tanh(X A + a), h2 = h1 + tanh(h1 W + b),
h3 = h2 + tanh(h2 W + b), out = h3 C + c. The shared parameters' gradient is the sum over both uses.
RMSprop as in Hinton's lecture 6e: r = rho r + (1 - rho) g^2, theta -= lr g / (sqrt(r) + eps).
Mean squared error.

    X: (n, 6), y: (n, 1)
"""

import numpy as np

LR, RHO, EPS = 0.005, 0.9, 1e-8


class SharedResidualNet:
    def __init__(self, seed=31):
        rng = np.random.default_rng(seed)
        self.A = rng.normal(0.0, 0.4, (6, 6))
        self.a = np.zeros(6)
        self.W = rng.normal(0.0, 0.3, (6, 6))
        self.b = np.zeros(6)
        self.C = rng.normal(0.0, 0.3, (6, 1))
        self.c = np.zeros(1)
        self.names = ("A", "a", "W", "b", "C", "c")
        self.sq_avg = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    def train_step(self, X, y):
        h1 = np.tanh(X @ self.A + self.a)
        t1 = np.tanh(h1 @ self.W + self.b)
        h2 = h1 + t1
        t2 = np.tanh(h2 @ self.W + self.b)
        h3 = h2 + t2
        out = h3 @ self.C + self.c
        loss = ((out - y) ** 2).mean()

        g = dict.fromkeys(self.names)
        d_out = 2.0 * (out - y) / len(X)
        g["C"], g["c"] = h3.T @ d_out, d_out.sum(0)
        d_h3 = d_out @ self.C.T
        d_u2 = d_h3 * (1.0 - t2 ** 2)
        g["W"], g["b"] = h2.T @ d_u2, d_u2.sum(0)
        d_h2 = d_h3 + d_u2 @ self.W.T
        d_u1 = d_h2 * (1.0 - t1 ** 2)
        g["W"] = g["W"] + h1.T @ d_u1
        g["b"] = g["b"] + d_u1.sum(0)
        d_h1 = d_h2 + d_u1 @ self.W.T
        d_z1 = d_h1 * (1.0 - h1 ** 2)
        g["A"], g["a"] = X.T @ d_z1, d_z1.sum(0)
        self.grads = g

        for k in self.names:
            self.sq_avg[k] = RHO * self.sq_avg[k] + (1.0 - RHO) * g[k] ** 2
            setattr(self, k, getattr(self, k) - LR * g[k] / (np.sqrt(self.sq_avg[k]) + EPS))
        return float(loss)
