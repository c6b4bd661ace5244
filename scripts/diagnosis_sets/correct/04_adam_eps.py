"""Adam with bias correction and eps = 1e-8 outside the square root; BCE (mean)."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class AdamClassifier:
    def __init__(self, X, y, hidden=6, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        rng = np.random.default_rng(3)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 0.5, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.t = 0

    def train_step(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        o = sigmoid(h @ self.W2 + self.b2)
        d_o = (o - y) / len(X)
        d_h = d_o @ self.W2.T * h * (1 - h)
        grads = {"W1": X.T @ d_h, "b1": d_h.sum(0), "W2": h.T @ d_o, "b2": d_o.sum(0)}
        self.t += 1
        for k, g in grads.items():
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            param = getattr(self, k)
            param -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
