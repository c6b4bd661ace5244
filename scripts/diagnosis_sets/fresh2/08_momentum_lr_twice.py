"""Heavy-ball momentum written in the 'velocity carries the step' form (v = mu v + lr g),
but the update still multiplies by the learning rate: W -= lr * v, so lr is applied twice."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class MomentumMLP:
    def __init__(self, X, y, n_hidden=5, lr=0.1, mu=0.9):
        rng = np.random.default_rng(11)
        self.weights = [rng.normal(0, 0.5, (X.shape[1], n_hidden)), rng.normal(0, 0.5, (n_hidden, 1))]
        self.biases = [np.zeros(n_hidden), np.zeros(1)]
        self.vw = [np.zeros_like(w) for w in self.weights]
        self.vb = [np.zeros_like(b) for b in self.biases]
        self.lr, self.mu = lr, mu

    def train(self, X, y):
        h = sigmoid(X @ self.weights[0] + self.biases[0])
        o = sigmoid(h @ self.weights[1] + self.biases[1])
        d2 = 2 * (o - y) * o * (1 - o)
        d1 = d2 @ self.weights[1].T * h * (1 - h)
        gw = [X.T @ d1, h.T @ d2]
        gb = [d1.sum(axis=0), d2.sum(axis=0)]
        for i in range(2):
            self.vw[i] = self.mu * self.vw[i] + self.lr * gw[i]
            self.vb[i] = self.mu * self.vb[i] + self.lr * gb[i]
            self.weights[i] -= self.lr * self.vw[i]   # BUG: lr is already inside the velocity
            self.biases[i] -= self.lr * self.vb[i]    # BUG: same
        return o
