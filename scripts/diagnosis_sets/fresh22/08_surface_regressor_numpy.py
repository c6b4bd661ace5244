"""Regression of a smooth surface z = f(x1, x2): 2 inputs -> 10 tanh -> 1 linear output, mean
squared error, gradient descent with an exponentially decaying learning rate,
lr_t = LR0 * exp(-DECAY * t), t the number of updates already made."""

import numpy as np

LR0 = 0.2
DECAY = 0.05


class SurfaceRegressor:
    def __init__(self, n_in=2, hidden=10, seed=8):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.3, (hidden, 1))
        self.b2 = np.zeros(1)
        self.t = 0

    def train_step(self, X, y):
        lr = LR0 * np.exp(-DECAY * self.t)
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        d_h = (d_out @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= lr * (h.T @ d_out)
        self.b2 -= lr * d_out.sum(axis=0)
        self.W1 -= lr * (X.T @ d_h)
        self.b1 -= lr * d_h.sum(axis=0)
        self.t += 1
        return float(loss)
