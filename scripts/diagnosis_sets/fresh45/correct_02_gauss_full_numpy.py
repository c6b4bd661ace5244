"""Heteroscedastic regression in a functional style: the parameters live in one dict, forward and
backward are module-level functions, and the loss is the full Gaussian negative log-likelihood
(with its 0.5 log 2 pi) of a log-variance head, 0.5 mean(log 2 pi + s + (y - mu)^2 exp(-s)).
The derivative on s is written through the precision tau = exp(-s): d tau / d s = -tau.
3 inputs -> 10 ReLU units -> (mu, s). Gradient descent with heavy-ball momentum."""

import math

import numpy as np

LEARNING_RATE = 0.03
MOMENTUM = 0.9
LOG_2PI = math.log(2 * math.pi)


def forward(params, X):
    pre = X @ params["W1"] + params["b1"]
    h = np.maximum(pre, 0)
    return pre, h, h @ params["W2"] + params["b2"]


def nll_and_grad(out, y):
    mu, s = np.split(out, 2, axis=1)
    tau = np.exp(-s)
    r = y - mu
    loss = 0.5 * np.mean(LOG_2PI + s + r * r * tau)
    d_mu = -r * tau
    d_s = 0.5 + 0.5 * r * r * (-tau)
    return loss, np.hstack([d_mu, d_s]) / len(y)


class GaussFullNet:
    def __init__(self, n_in=3, n_hidden=10, seed=12):
        rng = np.random.default_rng(seed)
        self.params = {"W1": rng.normal(0.0, 0.5, (n_in, n_hidden)), "b1": np.full(n_hidden, 0.1),
                       "W2": rng.normal(0.0, 0.3, (n_hidden, 2)), "b2": np.zeros(2)}
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        pre, h, out = forward(p, X)
        loss, d_out = nll_and_grad(out, y)
        d_pre = np.where(pre > 0, d_out @ p["W2"].T, 0)
        grads = {"W2": h.T @ d_out, "b2": d_out.sum(0), "W1": X.T @ d_pre, "b1": d_pre.sum(0)}
        for k, g in grads.items():
            self.velocity[k] *= MOMENTUM
            self.velocity[k] += g
            p[k] -= LEARNING_RATE * self.velocity[k]
        return float(loss)
