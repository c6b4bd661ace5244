"""Factorised-layer regressor in NumPy: the first layer's weight is the product W = U @ V of a
(4, R) and an (R, 8) factor (R = 4, the general code run at the input's width), tanh, then a dense
8 -> 2 linear output; mean squared error; each factor's gradient from the gradient of W
(dU = dW V^T, dV = U^T dW); plain SGD.

    X: (n, 4), y: (n, 2)
"""

import numpy as np

LR = 0.1
R = 4


class LowRankNet:
    def __init__(self, seed=13):
        rng = np.random.default_rng(seed)
        self.U = rng.normal(0.0, 0.6, (4, R))
        self.V = rng.normal(0.0, 0.6, (R, 8))
        self.b1 = np.zeros(8)
        self.W2 = rng.normal(0.0, 0.4, (8, 2))
        self.b2 = np.zeros(2)

    def train_step(self, X, y):
        W = self.U @ self.V
        h = np.tanh(X @ W + self.b1)
        out = h @ self.W2 + self.b2
        self.output = out
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        dW2 = h.T @ d_out
        db2 = d_out.sum(axis=0)
        dz = (d_out @ self.W2.T) * (1.0 - h ** 2)
        dW = X.T @ dz
        db1 = dz.sum(axis=0)
        dU = dW @ self.V.T
        dV = self.U.T @ dW

        self.grads = {"U": dU, "V": dV, "b1": db1, "W2": dW2, "b2": db2}
        self.U -= LR * dU
        self.V -= LR * dV
        self.b1 -= LR * db1
        self.W2 -= LR * dW2
        self.b2 -= LR * db2
        return float(loss)
