"""Robust regression with a Student-t likelihood (nu = 3 fixed), in NumPy.

    h = silu(X @ W1 + b1)                 6 -> 20, silu(z) = z * sigmoid(z)
    out = h @ W2 + b2                     20 -> 2: location and raw scale
    mu = out[:, 0], sigma = softplus(out[:, 1]) + 1e-3
    z = (y - mu) / sigma
    nll = -lgamma((nu+1)/2) + lgamma(nu/2) + 0.5 log(nu pi) + log sigma + (nu+1)/2 log(1 + z^2/nu)
    loss = mean(nll)

Gradients clipped by global L2 norm 2.0, then Adam (lr 1e-2, betas 0.9/0.999, eps 1e-8).

Parameters as attributes W1 (6, 20), b1 (20,), W2 (20, 2), b2 (2,); gradients in
self.grads (after clipping), Adam moments in self.adam_m / self.adam_v, step self.step_count.
"""

import math

import numpy as np

NU = 3.0
MIN_SCALE = 1e-3


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def softplus(x):
    return np.logaddexp(0.0, x)


class StudentTRegressor:
    NAMES = ("W1", "b1", "W2", "b2")

    def __init__(self, n_in=6, hidden=20, lr=1e-2, max_norm=2.0, seed=0):
        rng = np.random.default_rng(seed)
        self.W1 = rng.standard_normal((n_in, hidden)) * math.sqrt(2.0 / n_in)
        self.b1 = np.full(hidden, 0.01)
        self.W2 = rng.standard_normal((hidden, 2)) * math.sqrt(1.0 / hidden)
        self.b2 = np.array([0.0, 0.5])
        self.lr = lr
        self.beta1, self.beta2, self.eps = 0.9, 0.999, 1e-8
        self.max_norm = max_norm
        self.grads = {k: np.zeros_like(getattr(self, k)) for k in self.NAMES}
        self.adam_m = {k: np.zeros_like(getattr(self, k)) for k in self.NAMES}
        self.adam_v = {k: np.zeros_like(getattr(self, k)) for k in self.NAMES}
        self.step_count = 0
        self.const = -math.lgamma((NU + 1) / 2) + math.lgamma(NU / 2) + 0.5 * math.log(NU * math.pi)

    def _forward(self, X):
        z1 = X @ self.W1 + self.b1
        s1 = sigmoid(z1)
        h = z1 * s1
        out = h @ self.W2 + self.b2
        return out, (z1, s1, h)

    def _nll(self, out, y):
        mu = out[:, 0]
        sigma = softplus(out[:, 1]) + MIN_SCALE
        z = (y - mu) / sigma
        nll = self.const + np.log(sigma) + 0.5 * (NU + 1) * np.log1p(z * z / NU)
        return nll.mean(), mu, sigma, z

    def loss(self, X, y):
        out, _ = self._forward(X)
        return self._nll(out, y)[0]

    def backward(self, X, y):
        out, (z1, s1, h) = self._forward(X)
        loss, mu, sigma, z = self._nll(out, y)
        N = X.shape[0]
        dz = (NU + 1) * z / (NU + z * z)             # d nll / d z
        dmu = -dz / sigma
        dsigma = 1.0 / sigma - dz * z / sigma
        draw = dsigma * sigmoid(out[:, 1])           # softplus' = sigmoid
        dout = np.stack([dmu, draw], axis=1) / N

        self.grads["W2"] = h.T @ dout
        self.grads["b2"] = dout.sum(axis=0)
        dh = dout @ self.W2.T
        dz1 = dh * (s1 * (1.0 + z1 * (1.0 - s1)))    # silu'
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def clip_grad_norm(self):
        norm = math.sqrt(sum(float((g ** 2).sum()) for g in self.grads.values()))
        coef = self.max_norm / (norm + 1e-6)
        if coef < 1.0:
            for k in self.NAMES:
                self.grads[k] = self.grads[k] * coef
        return norm

    def adam_step(self):
        self.step_count += 1
        t = self.step_count
        for k in self.NAMES:
            p, g = getattr(self, k), self.grads[k]
            self.adam_m[k] = self.beta1 * self.adam_m[k] + (1.0 - self.beta1) * g
            self.adam_v[k] = self.beta2 * self.adam_v[k] + (1.0 - self.beta2) * g * g
            m_hat = self.adam_m[k] / (1.0 - self.beta1 ** t)
            v_hat = self.adam_v[k] / (1.0 - self.beta2 ** t)
            setattr(self, k, p - self.lr * m_hat / np.sqrt(v_hat + self.eps))

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip_grad_norm()
        self.adam_step()
        return float(loss)
