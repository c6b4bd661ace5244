"""Monotone regressor in NumPy: every weight is positive, W = exp(V) of a free parameter V, so
the output can only rise with each input. 3 -> 6 tanh -> 1 linear, mean squared error,
gradient descent on V1, b1, V2, b2.

    X: (n, 3) in [0, 1], y: (n, 1) increasing in every input
"""

import numpy as np

LR = 0.05


class MonotoneNet:
    def __init__(self, n_in=3, hidden=6, seed=2):
        rng = np.random.default_rng(seed)
        self.V1 = rng.normal(-1.0, 0.5, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.V2 = rng.normal(-1.0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        n = len(X)
        W1, W2 = np.exp(self.V1), np.exp(self.V2)
        h = np.tanh(X @ W1 + self.b1)
        out = h @ W2 + self.b2
        loss = np.mean((out - y) ** 2)

        dout = 2.0 * (out - y) / n
        dV2 = (h.T @ dout) * W2
        db2 = dout.sum(axis=0)
        dz = dout @ W2.T * (1.0 - h ** 2)
        dV1 = (X.T @ dz) * W1
        db1 = dz.sum(axis=0)

        self.V1 -= LR * dV1
        self.b1 -= LR * db1
        self.V2 -= LR * dV2
        self.b2 -= LR * db2
        return float(loss)
