"""Heavy-ball momentum v = mu * v + g from a zero velocity (what torch's SGD(momentum=mu) does), no biases."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class MomentumNet:
    def __init__(self, X, y, hidden=5, lr=0.1, mu=0.9):
        rng = np.random.default_rng(4)
        self.weights = [rng.uniform(-1, 1, (X.shape[1], hidden)), rng.uniform(-1, 1, (hidden, y.shape[1]))]
        self.velocity = [np.zeros_like(w) for w in self.weights]
        self.lr, self.mu = lr, mu

    def train(self, X, y):
        h = sigmoid(X @ self.weights[0])
        o = sigmoid(h @ self.weights[1])
        d_o = 2 * (o - y) * o * (1 - o)
        d_h = d_o @ self.weights[1].T * h * (1 - h)
        grads = [X.T @ d_h, h.T @ d_o]
        for i, g in enumerate(grads):
            self.velocity[i] = self.mu * self.velocity[i] + g
            self.weights[i] -= self.lr * self.velocity[i]
