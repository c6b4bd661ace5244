"""NumPy network in a functional style (forward and backward are module functions over a
dict of parameters): tanh hidden layer, sigmoid output, half the mean squared error. The
tanh derivative is written from 'd/dz tanh z = sech^2 z' as 1 / cosh(z), the square left
out: sech(z) instead of sech(z)^2."""

import numpy as np


def forward(P, X):
    z1 = X @ P["W1"] + P["b1"]
    h = np.tanh(z1)
    o = 1.0 / (1.0 + np.exp(-(h @ P["W2"] + P["b2"])))
    return z1, h, o


def backward(P, X, y, z1, h, o):
    n = X.shape[0]
    d2 = (o - y) * o * (1 - o) / n
    d1 = (d2 @ P["W2"].T) / np.cosh(z1)   # BUG: / np.cosh(z1) ** 2
    return {"W1": X.T @ d1, "b1": d1.sum(0), "W2": h.T @ d2, "b2": d2.sum(0)}


class TanhNet:
    def __init__(self, X, y, hidden=5, lr=0.5):
        rng = np.random.default_rng(13)
        self.P = {"W1": rng.normal(0, 0.5, (X.shape[1], hidden)), "b1": np.zeros(hidden),
                  "W2": rng.normal(0, 0.5, (hidden, 1)), "b2": np.zeros(1)}
        self.lr = lr

    def sgd(self, X, y):
        z1, h, o = forward(self.P, X)
        grads = backward(self.P, X, y, z1, h, o)
        for k in self.P:
            self.P[k] -= self.lr * grads[k]
        return float(0.5 * np.mean((o - y) ** 2))
