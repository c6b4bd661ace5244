"""tanh hidden layer whose backward pass uses the sigmoid's derivative a(1 - a)."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class MLP:
    def __init__(self, X, y, n_hidden=6, learning_rate=0.5):
        rng = np.random.default_rng(7)
        self.W_in = rng.uniform(-1, 1, (X.shape[1], n_hidden))
        self.b_in = np.zeros(n_hidden)
        self.W_out = rng.uniform(-1, 1, (n_hidden, y.shape[1]))
        self.b_out = np.zeros(y.shape[1])
        self.learning_rate = learning_rate

    def step(self, X, y):
        h = np.tanh(X @ self.W_in + self.b_in)
        o = sigmoid(h @ self.W_out + self.b_out)
        delta_o = (o - y) * o * (1 - o)                  # 0.5 * sum of squares
        delta_h = (delta_o @ self.W_out.T) * h * (1 - h)   # BUG: tanh' is 1 - h**2
        self.W_out -= self.learning_rate * h.T @ delta_o
        self.b_out -= self.learning_rate * delta_o.sum(0)
        self.W_in -= self.learning_rate * X.T @ delta_h
        self.b_in -= self.learning_rate * delta_h.sum(0)
        return o
