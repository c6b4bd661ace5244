"""Heavy-ball momentum: the velocity is accumulated every step, but the weight update still
subtracts the raw gradient, so the network runs plain gradient descent."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class MomentumNet:
    def __init__(self, X, y, hidden=5, lr=0.1, mu=0.9):
        rng = np.random.default_rng(4)
        self.W1 = rng.uniform(-1, 1, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.uniform(-1, 1, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}
        self.lr, self.mu = lr, mu

    def train(self, X, y):
        h = sigmoid(X @ self.W1 + self.b1)
        o = sigmoid(h @ self.W2 + self.b2)
        d_o = 2 * (o - y) * o * (1 - o)
        d_h = d_o @ self.W2.T * h * (1 - h)
        grads = {"W1": X.T @ d_h, "b1": d_h.sum(0), "W2": h.T @ d_o, "b2": d_o.sum(0)}
        for k, g in grads.items():
            self.velocity[k] = self.mu * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - self.lr * g)   # BUG: should subtract lr * velocity
        return o
