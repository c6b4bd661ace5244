"""Heavy-ball momentum intended (torch's SGD(momentum=0.9)), but the velocity is written as a
moving average v = 0.9 v + 0.1 g starting from zero."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class MomentumNet:
    def __init__(self, X, y, hidden=5, lr=0.5, mu=0.9):
        rng = np.random.default_rng(6)
        self.W1 = rng.uniform(-1, 1, (X.shape[1], hidden))
        self.W2 = rng.uniform(-1, 1, (hidden, y.shape[1]))
        self.vel = [np.zeros_like(self.W1), np.zeros_like(self.W2)]
        self.lr, self.mu = lr, mu

    def train(self, X, y):
        h = sigmoid(X @ self.W1)
        o = sigmoid(h @ self.W2)
        d_o = 2 * (o - y) * o * (1 - o)
        d_h = d_o @ self.W2.T * h * (1 - h)
        grads = [X.T @ d_h, h.T @ d_o]
        for i, g in enumerate(grads):
            self.vel[i] = self.mu * self.vel[i] + (1 - self.mu) * g   # BUG: heavy ball is mu * v + g
        self.W1 -= self.lr * self.vel[0]
        self.W2 -= self.lr * self.vel[1]
