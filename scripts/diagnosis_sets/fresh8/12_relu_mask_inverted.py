"""NumPy mini-framework regressor (5 -> 7 -> 4 -> 1, two ReLU hidden layers, linear output,
half mean squared error, plain SGD, mini-batches of 20): Dense and ReLU layer objects with
forward / backward, applied from a list. The ReLU backward zeroes the incoming gradient where
z > 0 instead of where z <= 0: the mask is inverted, the gradient passes through the inactive
units and is stopped at the active ones."""

import numpy as np


class Dense:
    def __init__(self, n_in, n_out, rng):
        self.W = rng.normal(0, np.sqrt(2 / n_in), (n_in, n_out))
        self.b = np.zeros(n_out)

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, g):
        self.gW = self.x.T @ g
        self.gb = g.sum(axis=0)
        return g @ self.W.T


class ReLU:
    def forward(self, z):
        self.z = z
        return np.maximum(z, 0)

    def backward(self, g):
        g = g.copy()
        g[self.z > 0] = 0   # BUG: no gradient through the inactive units: g[self.z <= 0] = 0
        return g


class Regressor:
    def __init__(self, X, y, widths=(7, 4), lr=0.05):
        rng = np.random.default_rng(12)
        dims = [X.shape[1], *widths, y.shape[1]]
        self.layers = []
        for a, b in zip(dims, dims[1:]):
            self.layers += [Dense(a, b, rng), ReLU()]
        self.layers.pop()
        self.lr = lr

    def train_batch(self, X, y):
        out = X
        for layer in self.layers:
            out = layer.forward(out)
        loss = float(0.5 * np.mean((out - y) ** 2))
        g = (out - y) / out.size
        for layer in reversed(self.layers):
            g = layer.backward(g)
        for layer in self.layers:
            if isinstance(layer, Dense):
                layer.W -= self.lr * layer.gW
                layer.b -= self.lr * layer.gb
        return loss
