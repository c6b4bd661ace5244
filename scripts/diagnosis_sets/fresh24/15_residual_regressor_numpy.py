"""Residual MLP regressor in NumPy:

    h1 = tanh(X W_in + b_in)                 (n, 12)
    h2 = h1 + relu(h1 W_res + b_res)         residual block, identity skip
    y_hat = h2 W_out + b_out                 (n, 2)

Mean squared error, SGD with momentum 0.9 and L2 weight decay 1e-3 added to the gradient
(as torch.optim.SGD(weight_decay=...)), lr 0.05.
"""

import numpy as np

WEIGHT_DECAY = 1e-3


class ResidualRegressor:
    def __init__(self, n_in=4, width=12, n_out=2, lr=0.05, mu=0.9, seed=15):
        rng = np.random.default_rng(seed)
        self.params = {
            "W_in": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, width)), "b_in": np.zeros(width),
            "W_res": rng.normal(0.0, np.sqrt(2.0 / width), (width, width)), "b_res": np.zeros(width),
            "W_out": rng.normal(0.0, 1.0 / np.sqrt(width), (width, n_out)), "b_out": np.zeros(n_out),
        }
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W_in"] + p["b_in"])
        self.h1 = h
        self.z_res = h @ p["W_res"] + p["b_res"]
        h += np.maximum(self.z_res, 0.0)   # BUG: h = h + np.maximum(self.z_res, 0.0)
        self.h2 = h
        return h @ p["W_out"] + p["b_out"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        out = self.forward(X)
        loss = np.mean((out - y) ** 2)
        g = {}
        d_out = 2.0 * (out - y) / out.size
        g["W_out"], g["b_out"] = self.h2.T @ d_out, d_out.sum(axis=0)
        d_h2 = d_out @ p["W_out"].T
        d_res = d_h2 * (self.z_res > 0)
        g["W_res"], g["b_res"] = self.h1.T @ d_res, d_res.sum(axis=0)
        d_h1 = d_h2 + d_res @ p["W_res"].T
        d_z1 = d_h1 * (1.0 - self.h1 ** 2)
        g["W_in"], g["b_in"] = X.T @ d_z1, d_z1.sum(axis=0)
        self.grads = g
        for k in p:
            grad = g[k] + WEIGHT_DECAY * p[k]
            self.velocity[k] = self.mu * self.velocity[k] + grad
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
