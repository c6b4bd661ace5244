"""Classic from-scratch NumPy network (sigmoid hidden layer, sigmoid output, sum of squared
errors) trained with heavy-ball momentum. In the backward pass the hidden bias gradient is
summed from the back-propagated error err_h = d_out @ W2.T before the sigmoid derivative
h (1 - h) is applied; the hidden weight gradient uses the full delta."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class Network:
    def __init__(self, X, y, hidden=5, lr=0.05, momentum=0.9):
        rng = np.random.default_rng(10)
        self.W1 = rng.uniform(-1, 1, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.uniform(-1, 1, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.momentum = lr, momentum
        self.velocity = None

    def feedforward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        self.out = sigmoid(self.h @ self.W2 + self.b2)
        return self.out

    def backprop(self, X, y):
        d_out = 2 * (self.out - y) * self.out * (1 - self.out)
        grad_W2 = self.h.T @ d_out
        grad_b2 = d_out.sum(axis=0)
        err_h = d_out @ self.W2.T
        d_h = err_h * self.h * (1 - self.h)
        grad_W1 = X.T @ d_h
        grad_b1 = err_h.sum(axis=0)   # BUG: from the delta, after the derivative: d_h.sum(axis=0)
        return {"W1": grad_W1, "b1": grad_b1, "W2": grad_W2, "b2": grad_b2}

    def train(self, X, y):
        self.feedforward(X)
        grads = self.backprop(X, y)
        if self.velocity is None:
            self.velocity = {k: np.zeros_like(g) for k, g in grads.items()}
        for k, g in grads.items():
            self.velocity[k] = self.momentum * self.velocity[k] + g
            setattr(self, k, getattr(self, k) - self.lr * self.velocity[k])
        return float(np.sum((self.out - y) ** 2))
