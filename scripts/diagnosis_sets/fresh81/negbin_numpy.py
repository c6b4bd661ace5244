"""Negative-binomial (NB2) regression of visit counts with a learned log-dispersion, in NumPy.

A linear predictor eta = X w + b gives the log mean, mu = exp(eta); the dispersion is
alpha = exp(log_alpha), Var(y) = mu + alpha mu^2, and the size r = 1 / alpha. The loss is the
full negative log-likelihood averaged over the batch,

    -[lgamma(y + r) - lgamma(r) - log(y!) + r log(r / (r + mu)) + y log(mu / (r + mu))],

with lgamma(y + r) - lgamma(r) written for integer counts as sum_{k<y} log(r + k) (and its
derivative, digamma(y + r) - digamma(r), as sum_{k<y} 1 / (r + k)). RMSprop as torch writes it
(square_avg = RHO sa + (1 - RHO) g^2, p -= lr g / (sqrt(sa) + EPS)) with an L2 weight decay
WD * w added to the gradient of the weights only (not b, not log_alpha), and an exponential
learning-rate decay: the t-th update uses LR * GAMMA ** (t - 1).

    X: float (n, 5) patient features, y: float (n,) visit counts
"""

import math

import numpy as np

D = 5
LR, RHO, EPS, WD, GAMMA = 0.05, 0.9, 1e-8, 1e-3, 0.95


def log_factorial(y):
    return np.array([math.lgamma(v + 1.0) for v in y], dtype=y.dtype)


class NegBinRegression:
    def __init__(self, seed=81):
        rng = np.random.default_rng(seed)
        self.params = {
            "w": rng.normal(0.0, 0.1, (D, 1)),
            "b": np.zeros(1),
            "log_alpha": np.zeros(1),
        }
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def _terms(self, X, y):
        p = self.params
        eta = (X @ p["w"]).ravel() + p["b"]
        mu = np.exp(eta)
        alpha = np.exp(p["log_alpha"])
        r = 1.0 / alpha
        ks = np.arange(int(y.max()) + 1, dtype=y.dtype)
        below = ks[None, :] < y[:, None]
        rk = r + ks[None, :]
        lg_ratio = np.sum(np.log(rk) * below, axis=1)
        psi_diff = np.sum(below / rk, axis=1)
        log1p_amu = np.log1p(alpha * mu)
        nll = -(lg_ratio - log_factorial(y) - r * log1p_amu + y * (eta + p["log_alpha"] - log1p_amu))
        return eta, mu, alpha, r, psi_diff, log1p_amu, nll

    def loss(self, X, y):
        return float(np.mean(self._terms(X, y)[-1]))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        eta, mu, alpha, r, psi_diff, log1p_amu, nll = self._terms(X, y)
        loss = np.mean(nll)

        g = {}
        deta = (mu - y) / (1.0 + alpha * mu) / n
        g["w"] = X.T @ deta[:, None]
        g["b"] = np.array([deta.sum()])
        dr = -(psi_diff - log1p_amu + (mu - y) / (r + mu))
        g["log_alpha"] = np.array([np.sum(dr * -r) / n])
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** (self.t - 1)
        for k in p:
            gk = g[k] + WD * p[k] if k == "w" else g[k]
            self.sq[k] = RHO * self.sq[k] + (1.0 - RHO) * gk ** 2
            p[k] -= lr * gk / (np.sqrt(self.sq[k]) + EPS)
        return float(loss)
