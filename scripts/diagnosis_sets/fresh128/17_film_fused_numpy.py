"""The FiLM regressor of film_numpy.py, written another way: one matmul for the FiLM generator.

The scale and shift weights stay separate parameters (Wg, bg, Wb, bb), but the
forward pass stacks them and computes [gamma | beta] = c @ [Wg | Wb] + [bg | bb]
in a single product, and the backward pass produces the stacked gradient and
splits it. The momentum buffer is updated in place (v *= mu; v += g).

    h = relu(x @ W1 + b1); [gamma | beta] = c @ [Wg | Wb] + [bg | bb]
    f = gamma * h + beta; yhat = f @ W2 + b2; loss = mean((yhat - y) ** 2)
"""

import numpy as np


class FiLMNet:
    def __init__(self, n_x=8, n_c=4, hidden=16, lr=0.05, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.n_x, self.hidden = n_x, hidden
        self.params = {
            "W1": rng.standard_normal((n_x, hidden)) * np.sqrt(2.0 / n_x),
            "b1": 0.1 * rng.standard_normal(hidden),
            "Wg": 0.2 * rng.standard_normal((n_c, hidden)),
            "bg": np.ones(hidden),
            "Wb": 0.2 * rng.standard_normal((n_c, hidden)),
            "bb": np.zeros(hidden),
            "W2": rng.standard_normal((hidden, 1)) / np.sqrt(hidden),
            "b2": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum

    def _forward(self, X):
        p = self.params
        x, c = X[:, :self.n_x], X[:, self.n_x:]
        pre = x @ p["W1"] + p["b1"]
        h = np.where(pre > 0, pre, 0)
        film = c @ np.concatenate([p["Wg"], p["Wb"]], axis=1) + np.concatenate([p["bg"], p["bb"]])
        gamma, beta = film[:, :self.hidden], film[:, self.hidden:]
        f = gamma * h + beta
        return f @ p["W2"] + p["b2"], (x, c, pre, h, gamma, f)

    def loss(self, X, y):
        err = self._forward(X)[0] - y
        return (err * err).sum() / err.size

    def train_step(self, X, y):
        p, g = self.params, self.grads
        out, (x, c, pre, h, gamma, f) = self._forward(X)
        err = out - y
        loss = (err * err).sum() / err.size

        dout = err * (2.0 / err.size)
        g["W2"] = f.T @ dout
        g["b2"] = dout.sum(axis=0)
        df = dout @ p["W2"].T
        dfilm = np.concatenate([df * h, df], axis=1)      # d/d[gamma | beta]
        dWfilm = c.T @ dfilm
        dbfilm = dfilm.sum(axis=0)
        g["Wg"], g["Wb"] = dWfilm[:, :self.hidden], dWfilm[:, self.hidden:]
        g["bg"], g["bb"] = dbfilm[:self.hidden], dbfilm[self.hidden:]
        dpre = np.where(pre > 0, df * gamma, 0)
        g["W1"] = x.T @ dpre
        g["b1"] = dpre.sum(axis=0)

        for k in p:
            v = self.velocity[k]
            v *= self.momentum
            v += g[k]
            p[k] -= self.lr * v
        return float(loss)
