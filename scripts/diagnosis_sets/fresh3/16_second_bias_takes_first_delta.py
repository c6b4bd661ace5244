"""NumPy network with two tanh hidden layers of the same width, a sigmoid output, half the
summed squared error and heavy-ball momentum. The bias gradients are listed by hand and the
second hidden layer's takes the first hidden layer's delta (d1, same shape) instead of d2."""

import numpy as np


class TwoHidden:
    def __init__(self, X, y, width=6, lr=0.1, mu=0.9):
        rng = np.random.default_rng(16)
        dims = [X.shape[1], width, width, y.shape[1]]
        self.W = [rng.normal(0, 0.5, (a, b)) for a, b in zip(dims[:-1], dims[1:])]
        self.b = [np.zeros(b) for b in dims[1:]]
        self.velocity = None   # W1, W2, W3, b1, b2, b3; made at the first step, in the parameters' dtype
        self.lr, self.mu = lr, mu

    def train_step(self, X, y):
        W1, W2, W3 = self.W
        b1, b2, b3 = self.b
        a1 = np.tanh(X @ W1 + b1)
        a2 = np.tanh(a1 @ W2 + b2)
        out = 1.0 / (1.0 + np.exp(-(a2 @ W3 + b3)))
        d3 = (out - y) * out * (1 - out)
        d2 = (d3 @ W3.T) * (1 - a2 ** 2)
        d1 = (d2 @ W2.T) * (1 - a1 ** 2)
        gW = [X.T @ d1, a1.T @ d2, a2.T @ d3]
        gb = [d1.sum(axis=0), d1.sum(axis=0), d3.sum(axis=0)]   # BUG: d2.sum(axis=0) for the second bias
        if self.velocity is None:
            self.velocity = [np.zeros_like(p) for p in self.W + self.b]
        for i in range(3):
            self.velocity[i] = self.mu * self.velocity[i] + gW[i]
            self.velocity[3 + i] = self.mu * self.velocity[3 + i] + gb[i]
            self.W[i] = self.W[i] - self.lr * self.velocity[i]
            self.b[i] = self.b[i] - self.lr * self.velocity[3 + i]
        return float(0.5 * np.sum((out - y) ** 2))
