"""NumPy network with each bias stored as the last row of its weight matrix (inputs
augmented with a trailing column of ones), driven through the adapter protocol; tanh
hidden layer, sigmoid output, mean squared error. Back-propagating through W, the bias
column of delta @ W.T is dropped from the wrong end ([:, 1:] instead of [:, :-1]): the
hidden deltas are shifted by one unit."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def with_ones(A):
    return np.hstack([A, np.ones((A.shape[0], 1), dtype=A.dtype)])


class AugmentedNet:
    def __init__(self, X, y, hidden=6, lr=0.5):
        rng = np.random.default_rng(14)
        self.V = rng.normal(0, 0.5, (X.shape[1] + 1, hidden))   # last row: hidden bias
        self.W = rng.normal(0, 0.5, (hidden + 1, y.shape[1]))   # last row: output bias
        self.lr = lr

    def get_params(self):
        return {"W1": self.V[:-1].copy(), "b1": self.V[-1].copy(),
                "W2": self.W[:-1].copy(), "b2": self.W[-1].copy()}

    def set_params(self, params):
        self.V = np.vstack([params["W1"], params["b1"].reshape(1, -1)])
        self.W = np.vstack([params["W2"], params["b2"].reshape(1, -1)])

    def step(self, X, y):
        n = X.shape[0]
        Xa = with_ones(X)
        H = np.tanh(Xa @ self.V)
        Ha = with_ones(H)
        out = sigmoid(Ha @ self.W)
        d_out = 2 * (out - y) * out * (1 - out) / n
        dW = Ha.T @ d_out
        d_H = (d_out @ self.W.T)[:, 1:]   # BUG: the bias column is the last one: [:, :-1]
        d_H = d_H * (1 - H ** 2)
        dV = Xa.T @ d_H
        self.W = self.W - self.lr * dW
        self.V = self.V - self.lr * dV
        return float(np.mean((out - y) ** 2))
