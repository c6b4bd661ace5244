"""Adam with the decay rates swapped: the first moment decays with 0.999, the second with 0.9."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class AdamMLP:
    def __init__(self, X, y, hidden=6, lr=0.01, betas=(0.999, 0.9), eps=1e-8):   # BUG: (0.9, 0.999)
        rng = np.random.default_rng(19)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 0.5, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {n: np.zeros_like(getattr(self, n)) for n in ("W1", "b1", "W2", "b2")}
        self.v = {n: np.zeros_like(getattr(self, n)) for n in ("W1", "b1", "W2", "b2")}
        self.t = 0

    def train_step(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        o = sigmoid(h @ self.W2 + self.b2)
        d_o = (o - y) / len(X)
        d_h = d_o @ self.W2.T * h * (1 - h)
        grads = {"W1": X.T @ d_h, "b1": d_h.sum(0), "W2": h.T @ d_o, "b2": d_o.sum(0)}
        self.t += 1
        for n, g in grads.items():
            self.m[n] = self.beta1 * self.m[n] + (1 - self.beta1) * g
            self.v[n] = self.beta2 * self.v[n] + (1 - self.beta2) * g * g
            m_hat = self.m[n] / (1 - self.beta1 ** self.t)
            v_hat = self.v[n] / (1 - self.beta2 ** self.t)
            param = getattr(self, n)
            param -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
