"""ReLU hidden layer, linear output, mean squared error; the ReLU derivative returns the
activation itself where it should return 1."""

import numpy as np


def relu(x):
    return np.maximum(0, x)


def relu_derivative(x):
    return np.where(x > 0, x, 0.0)     # BUG: should be np.where(x > 0, 1.0, 0.0)


class Regressor:
    def __init__(self, X, y, hidden=8, lr=0.05):
        rng = np.random.default_rng(1)
        self.w1 = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.bias1 = np.zeros(hidden)
        self.w2 = rng.normal(0, 0.5, (hidden, y.shape[1]))
        self.bias2 = np.zeros(y.shape[1])
        self.lr = lr

    def fit_step(self, X, y):
        z1 = X @ self.w1 + self.bias1
        h = relu(z1)
        self.pred = h @ self.w2 + self.bias2
        d_pred = 2 * (self.pred - y) / y.size
        d_h = (d_pred @ self.w2.T) * relu_derivative(z1)
        self.w2 -= self.lr * h.T @ d_pred
        self.bias2 -= self.lr * d_pred.sum(axis=0)
        self.w1 -= self.lr * X.T @ d_h
        self.bias1 -= self.lr * d_h.sum(axis=0)
