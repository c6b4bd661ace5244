"""Lookahead (Zhang et al. 2019) around AdamW, in NumPy: a sigmoid MLP regressor.

    h = sigmoid(X W1 + b1);  yhat = h W2 + b2;  loss = mean((yhat - y)^2) over all entries

Inner (fast) optimizer: AdamW as torch.optim.AdamW (lr 0.01, betas (0.9, 0.999), eps 1e-8
added to sqrt(v)/sqrt(1 - beta2^t), decoupled weight decay 0.01: p *= 1 - lr*wd first).
Lookahead: slow weights phi start as a copy of the initial weights; after every k = 5 inner
steps  phi <- phi + alpha (theta - phi), alpha = 0.6, and the fast weights are reset to phi.
The inner AdamW state (m, v, t) carries on across synchronisations.

    X: float (N, 4), y: float (N, 2).
Parameters: self.p['W1'] (4, 20), self.p['b1'] (20,), self.p['W2'] (20, 2), self.p['b2'] (2,).
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class LookaheadRegressor:
    def __init__(self, n_in=4, hidden=20, n_out=2, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=0.01, k=5, alpha=0.6, seed=1):
        rng = np.random.default_rng(seed)
        self.p = {
            "W1": rng.uniform(-1, 1, (n_in, hidden)) / np.sqrt(n_in),
            "b1": rng.uniform(-1, 1, hidden) / np.sqrt(n_in),
            "W2": rng.uniform(-1, 1, (hidden, n_out)) / np.sqrt(hidden),
            "b2": rng.uniform(-1, 1, n_out) / np.sqrt(hidden),
        }
        self.lr, self.eps, self.wd = lr, eps, weight_decay
        self.beta1, self.beta2 = betas
        self.m = {k_: np.zeros_like(v) for k_, v in self.p.items()}
        self.v = {k_: np.zeros_like(v) for k_, v in self.p.items()}
        self.t = 0
        self.k, self.alpha = k, alpha
        self.slow = {k_: v.copy() for k_, v in self.p.items()}
        self.inner_steps = 0
        self.grads = {}

    def forward(self, X):
        self.X = X
        self.h = sigmoid(X @ self.p["W1"] + self.p["b1"])
        return self.h @ self.p["W2"] + self.p["b2"]

    def loss(self, X, y):
        return np.mean((self.forward(X) - y) ** 2)

    def backward(self, X, y):
        diff = self.forward(X) - y
        loss = np.mean(diff ** 2)
        dout = 2.0 * diff / diff.size
        g = {"W2": self.h.T @ dout, "b2": dout.sum(axis=0)}
        dz = (dout @ self.p["W2"].T) * self.h * (1.0 - self.h)
        g["W1"] = X.T @ dz
        g["b1"] = dz.sum(axis=0)
        self.grads = g
        return loss

    def adamw(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for name, w in self.p.items():
            g = self.grads[name]
            w *= 1.0 - self.lr * self.wd
            self.m[name] = self.beta1 * self.m[name] + (1.0 - self.beta1) * g
            self.v[name] = self.beta2 * self.v[name] + (1.0 - self.beta2) * g * g
            denom = np.sqrt(self.v[name]) / np.sqrt(bc2) + self.eps
            w -= (self.lr / bc1) * self.m[name] / denom

    def lookahead(self):
        self.inner_steps += 1
        if self.inner_steps % self.k != 0:
            return
        for name, w in self.p.items():
            self.slow[name] += (1.0 - self.alpha) * (w - self.slow[name])
            w[...] = self.slow[name]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adamw()
        self.lookahead()
        return float(loss)
