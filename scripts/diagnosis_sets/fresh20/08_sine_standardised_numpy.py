"""Fits a noisy sine curve with a small tanh network (1 -> 16 -> 1, linear output, half mean
squared error, mini-batch gradient descent at 0.1). The input is standardised with the mean and
standard deviation of the training inputs, computed once in the constructor."""

import numpy as np


class SineRegressor:
    def __init__(self, X, y, hidden=16, lr=0.1, seed=8):
        rng = np.random.default_rng(seed)
        self.x_mean = X.mean(axis=0)
        self.x_std = X.std(axis=0)
        self.W1 = rng.normal(0.0, 1.0, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr = lr

    def train_step(self, X, y):
        Xs = (X - self.x_mean) / self.x_std
        h = np.tanh(Xs @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = 0.5 * np.mean((out - y) ** 2)
        d_out = (out - y) / out.size
        d_h = (d_out @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= self.lr * (h.T @ d_out)
        self.b2 -= self.lr * d_out.sum(axis=0)
        self.W1 -= self.lr * (Xs.T @ d_h)
        self.b1 -= self.lr * d_h.sum(axis=0)
        return float(loss)
