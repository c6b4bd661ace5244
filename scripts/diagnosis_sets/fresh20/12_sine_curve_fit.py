"""Regression of a sine curve with a one-hidden-layer network (1 -> 12 tanh -> 1 linear), mean
squared error, gradient descent at 0.1. The output layer's step is formed first and applied, then
the error is sent back to the hidden layer."""

import numpy as np


class CurveFitter:
    def __init__(self, X, y, hidden=12, lr=0.1, seed=12):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0, (1, hidden))
        self.b1 = rng.normal(0.0, 1.0, hidden)
        self.W2 = rng.normal(0.0, 0.3, (hidden, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def predict(self, X):
        return np.tanh(X @ self.W1 + self.b1) @ self.W2 + self.b2

    def fit_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        out = h @ self.W2 + self.b2
        grad_out = 2.0 * (out - y) / n
        step_out = self.lr * grad_out
        grad_h = (step_out @ self.W2.T) * (1.0 - h ** 2)   # BUG: grad_h = (grad_out @ self.W2.T) * (1.0 - h ** 2)
        self.W2 -= h.T @ step_out
        self.b2 -= step_out.sum(axis=0)
        self.W1 -= self.lr * (X.T @ grad_h)
        self.b1 -= self.lr * grad_h.sum(axis=0)
        return float(np.mean((out - y) ** 2))
