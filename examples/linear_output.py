"""Regression: a sigmoid hidden layer, a linear output unit, the mean squared error.

    parity check examples/linear_output.py:Regressor --output-activation linear --loss mse --lr 0.1 --output predictions
"""

import numpy as np


class Regressor:
    def __init__(self, X, y, hidden=6, learning_rate=0.1):
        rng = np.random.default_rng(0)
        self.w_hidden = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.b_hidden = np.zeros(hidden)
        self.w_out = rng.normal(0, 0.5, (hidden, y.shape[1]))
        self.b_out = np.zeros(y.shape[1])
        self.learning_rate = learning_rate

    def fit_step(self, X, y):
        h = 1 / (1 + np.exp(-(X @ self.w_hidden + self.b_hidden)))
        self.predictions = h @ self.w_out + self.b_out          # linear: no squashing
        error = self.predictions - y
        d_out = 2 * error / error.size                          # d mean((p - y)^2) / dp
        d_hidden = (d_out @ self.w_out.T) * h * (1 - h)
        self.w_out -= self.learning_rate * h.T @ d_out
        self.b_out -= self.learning_rate * d_out.sum(axis=0)
        self.w_hidden -= self.learning_rate * X.T @ d_hidden
        self.b_hidden -= self.learning_rate * d_hidden.sum(axis=0)
