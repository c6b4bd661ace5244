"""Correct NumPy network in an unusual style: a tanh / softmax classifier (5 -> 7 -> 3, summed
cross-entropy, Adam, mini-batches of 12) with its weights stored (out, in) and samples as rows
(z = X @ W.T + b), the log-softmax through np.logaddexp.reduce over each row, the tanh
derivative as 1 / cosh(z)^2 from the cached pre-activation, and Adam written with the bias
corrections folded into the step size, lr sqrt(1 - beta2^t) / (1 - beta1^t), and epsilon scaled
by sqrt(1 - beta2^t) so that it matches torch's m_hat / (sqrt(v_hat) + eps) exactly."""

import math

import numpy as np


class OutInSoftmax:
    def __init__(self, X, y, n_hidden=7, lr=0.01, betas=(0.9, 0.999), eps=1e-8):
        rng = np.random.default_rng(1418)
        self.Wh = rng.normal(0, 0.5, (n_hidden, X.shape[1]))   # (out, in)
        self.bh = np.zeros(n_hidden)
        self.Wo = rng.normal(0, 0.5, (y.shape[1], n_hidden))   # (out, in)
        self.bo = np.zeros(y.shape[1])
        self.lr, self.betas, self.eps = lr, betas, eps
        self.t = 0
        self.moments = {}

    def train_step(self, X, y):
        zh = X @ self.Wh.T + self.bh
        h = np.tanh(zh)
        zo = h @ self.Wo.T + self.bo
        log_p = zo - np.logaddexp.reduce(zo, axis=1, keepdims=True)
        loss = float(-(y * log_p).sum())
        dzo = np.exp(log_p) - y
        dzh = (dzo @ self.Wo) / np.cosh(zh) ** 2
        grads = {"Wo": dzo.T @ h, "bo": dzo.sum(axis=0), "Wh": dzh.T @ X, "bh": dzh.sum(axis=0)}
        beta1, beta2 = self.betas
        self.t += 1
        c2 = math.sqrt(1.0 - beta2 ** self.t)
        step_size = self.lr * c2 / (1.0 - beta1 ** self.t)
        for name, g in grads.items():
            m, v = self.moments.get(name, (np.zeros_like(g), np.zeros_like(g)))
            m = beta1 * m + (1.0 - beta1) * g
            v = beta2 * v + (1.0 - beta2) * g * g
            self.moments[name] = (m, v)
            setattr(self, name, getattr(self, name) - step_size * m / (np.sqrt(v) + self.eps * c2))
        return loss
