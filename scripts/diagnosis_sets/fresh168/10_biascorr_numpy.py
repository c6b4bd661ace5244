"""Heteroscedastic regression: an MLP with a Gaussian negative log-likelihood head, in NumPy.

    h = tanh(X @ W1 + b1)                    (N, 24)
    out = h @ W2 + b2                        (N, 2): mean and log-variance
    mu = out[:, 0], s = out[:, 1]            s = log sigma^2
    loss = mean(0.5 * (s + (y - mu)^2 * exp(-s)))      (the 0.5 log 2pi constant left out)

Gradients clipped by their global L2 norm (max_norm / (norm + 1e-6) when below 1, as
torch.nn.utils.clip_grad_norm_), then Adam (betas 0.9, 0.999, eps 1e-8, bias-corrected).

Parameters: self.params W1 (5, 24), b1 (24,), W2 (24, 2), b2 (2,); gradients self.grads
(after clipping); Adam state self.m, self.v, step count self.t.
"""

import math

import numpy as np


class GaussMLP:
    def __init__(self, n_in=5, hidden=24, lr=1e-2, betas=(0.9, 0.999), eps=1e-8, max_norm=0.5, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / math.sqrt(n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 1.0 / math.sqrt(hidden), (hidden, 2)),
            "b2": np.zeros(2),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.max_norm = max_norm
        self.t = 0

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        return out, h

    def loss(self, X, y):
        out, _ = self.forward(X)
        mu, s = out[:, 0], out[:, 1]
        return np.mean(0.5 * (s + (y - mu) ** 2 * np.exp(-s)))

    def backward(self, X, y):
        p = self.params
        out, h = self.forward(X)
        mu, s = out[:, 0], out[:, 1]
        N = X.shape[0]
        inv_var = np.exp(-s)
        r = y - mu
        loss = np.mean(0.5 * (s + r ** 2 * inv_var))

        dout = np.empty_like(out)
        dout[:, 0] = -r * inv_var / N
        dout[:, 1] = 0.5 * (1.0 - r ** 2 * inv_var) / N

        self.grads["W2"] = h.T @ dout
        self.grads["b2"] = dout.sum(axis=0)
        dh = dout @ p["W2"].T
        dz = dh * (1.0 - h ** 2)
        self.grads["W1"] = X.T @ dz
        self.grads["b1"] = dz.sum(axis=0)
        return loss

    def clip_grads(self):
        total = math.sqrt(sum(float(np.sum(g * g)) for g in self.grads.values()))
        coef = self.max_norm / (total + 1e-6)
        if coef < 1.0:
            for k in self.grads:
                self.grads[k] = self.grads[k] * coef
        return total

    def adam(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** (self.t + 1)
        bc2 = 1.0 - self.beta2 ** (self.t + 1)
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip_grads()
        self.adam()
        return float(loss)
