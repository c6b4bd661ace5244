"""Two-output regressor with a cosine-annealed learning rate written by hand: after t updates the
rate is LR * (MIN_RATIO + (1 - MIN_RATIO) (1 + cos(pi t / T_MAX)) / 2), floor MIN_RATIO * LR.
4 -> 12 tanh -> 2 linear, mean squared error, plain gradient descent.

    X: (n, 4), y: (n, 2)
"""

import math

import numpy as np

LR, MIN_RATIO, T_MAX = 0.2, 0.1, 20


class CosineRegressor:
    def __init__(self, seed=8):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (4, 12))
        self.b1 = np.zeros(12)
        self.W2 = rng.normal(0.0, 0.3, (12, 2))
        self.b2 = np.zeros(2)
        self.t = 0

    def rate(self):
        return LR * (MIN_RATIO + (1.0 - MIN_RATIO) * 0.5 * (1.0 + math.cos(math.pi * self.t / T_MAX)))

    def train_step(self, X, y):
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)
        d_out = 2.0 * (out - y) / out.size
        d_h = (d_out @ self.W2.T) * (1.0 - h ** 2)
        self.grads = {"W1": X.T @ d_h, "b1": d_h.sum(0), "W2": h.T @ d_out, "b2": d_out.sum(0)}
        lr = self.rate()
        self.W1 -= lr * self.grads["W1"]
        self.b1 -= lr * self.grads["b1"]
        self.W2 -= lr * self.grads["W2"]
        self.b2 -= lr * self.grads["b2"]
        self.t += 1
        return float(loss)
