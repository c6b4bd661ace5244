"""Adam with the epsilon inside the square root."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class AdamNet:
    def __init__(self, X, y, hidden=6, lr=0.01):
        rng = np.random.default_rng(0)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 0.5, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.t = 0
        self.m = [np.zeros_like(p) for p in (self.W1, self.b1, self.W2, self.b2)]
        self.v = [np.zeros_like(p) for p in (self.W1, self.b1, self.W2, self.b2)]

    def train_step(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        o = sigmoid(h @ self.W2 + self.b2)
        d_o = (o - y) / len(X)
        d_h = d_o @ self.W2.T * h * (1 - h)
        grads = [X.T @ d_h, d_h.sum(0), h.T @ d_o, d_o.sum(0)]
        self.t += 1
        for i, (p, g) in enumerate(zip((self.W1, self.b1, self.W2, self.b2), grads)):
            self.m[i] = self.beta1 * self.m[i] + (1 - self.beta1) * g
            self.v[i] = self.beta2 * self.v[i] + (1 - self.beta2) * g ** 2
            m_hat = self.m[i] / (1 - self.beta1 ** self.t)
            v_hat = self.v[i] / (1 - self.beta2 ** self.t)
            p -= self.lr * m_hat / np.sqrt(v_hat + self.eps)    # BUG: eps belongs outside the sqrt
