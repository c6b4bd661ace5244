"""NumPy ReLU regressor (linear output, mean squared error). The output delta already carries
the 1/n of the mean, 2 (out - y) / n, and the hidden layer's gradients divide by n once more
out of habit (X.T @ d_h / n, d_h.mean(axis=0)): the first layer's gradients are 1/n^2 of
the loss's, n times too small."""

import numpy as np


class ReluRegressor:
    def __init__(self, X, y, hidden=7, lr=0.05):
        rng = np.random.default_rng(16)
        self.w_ih = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.b_h = np.zeros(hidden)
        self.w_ho = rng.normal(0, 0.5, (hidden, y.shape[1]))
        self.b_o = np.zeros(y.shape[1])
        self.lr = lr

    def learn(self, X, y):
        n = X.shape[0]
        z = X @ self.w_ih + self.b_h
        h = np.maximum(z, 0.0)
        out = h @ self.w_ho + self.b_o
        d_out = 2.0 * (out - y) / n
        grad_w_ho = h.T @ d_out
        grad_b_o = d_out.sum(axis=0)
        d_h = (d_out @ self.w_ho.T) * (z > 0)
        grad_w_ih = X.T @ d_h / n          # BUG: X.T @ d_h (d_out already holds the 1/n)
        grad_b_h = d_h.mean(axis=0)        # BUG (same slip): d_h.sum(axis=0)
        self.w_ho -= self.lr * grad_w_ho
        self.b_o -= self.lr * grad_b_o
        self.w_ih -= self.lr * grad_w_ih
        self.b_h -= self.lr * grad_b_h
        return float(np.mean((out - y) ** 2))
