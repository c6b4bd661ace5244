"""The warm-up from "Learning PyTorch with Examples", in NumPy: fit y = sin(x) on [-pi, pi] with
a third-order polynomial, y_pred = b + w1 x + w2 x^2 + w3 x^3, written as one linear layer on the
features (x, x^2, x^3); mean squared error, gradient descent at 1e-3, forward and backward by hand."""

import numpy as np


class CubicFit:
    def __init__(self, X, y, lr=1e-3, seed=14):
        rng = np.random.default_rng(seed)
        self.w = rng.standard_normal((3, 1))
        self.b = rng.standard_normal(1)
        self.lr = lr

    @staticmethod
    def features(x):
        return np.hstack([x, x ** 2, x * 3])   # BUG: return np.hstack([x, x ** 2, x ** 3])

    def train_step(self, x, y):
        xx = self.features(x)
        y_pred = xx @ self.w + self.b
        loss = np.mean((y_pred - y) ** 2)
        grad_y_pred = 2.0 * (y_pred - y) / len(y)
        self.w -= self.lr * (xx.T @ grad_y_pred)
        self.b -= self.lr * grad_y_pred.sum(axis=0)
        return float(loss)
