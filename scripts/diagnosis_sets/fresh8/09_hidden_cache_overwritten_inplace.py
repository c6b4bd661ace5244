"""NumPy sigmoid network (5 -> 9 -> 1, sigmoid output, sum of squared errors, Nesterov momentum
in torch's form) with its activations cached on the object. To save an allocation, the hidden
sigmoid derivative is computed in place on sig_grad = self.h, which is not a copy but the
cached activation itself: after sig_grad *= 1 - self.h, self.h holds h (1 - h), and the output
weight's gradient, computed afterwards as self.h.T @ d2, uses the derivative instead of the
activation. The hidden delta itself is right."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class SigmoidNet:
    def __init__(self, X, y, hidden=9, lr=0.05, mu=0.9):
        rng = np.random.default_rng(9)
        self.W1 = rng.normal(0, 0.5, (X.shape[1], hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0, 0.5, (hidden, y.shape[1]))
        self.b2 = np.zeros(y.shape[1])
        self.lr, self.mu = lr, mu
        self.vel = None

    def forward(self, X):
        self.h = sigmoid(X @ self.W1 + self.b1)
        self.out = sigmoid(self.h @ self.W2 + self.b2)
        return self.out

    def train_step(self, X, y):
        out = self.forward(X)
        loss = float(np.sum((out - y) ** 2))
        d2 = 2 * (out - y) * out * (1 - out)
        sig_grad = self.h   # BUG: a reference to the cache, overwritten on the next line: self.h.copy()
        sig_grad *= 1 - self.h
        d1 = (d2 @ self.W2.T) * sig_grad
        grads = {"W2": self.h.T @ d2, "b2": d2.sum(axis=0), "W1": X.T @ d1, "b1": d1.sum(axis=0)}
        if self.vel is None:
            self.vel = {k: np.zeros_like(g) for k, g in grads.items()}
        for k, g in grads.items():
            self.vel[k] = self.mu * self.vel[k] + g
            setattr(self, k, getattr(self, k) - self.lr * (g + self.mu * self.vel[k]))
        return loss
