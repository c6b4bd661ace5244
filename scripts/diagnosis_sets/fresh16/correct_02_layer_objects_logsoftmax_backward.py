"""NumPy mini-framework: Linear and Tanh layer objects with forward/backward, a LogSoftmax
layer and an NLL loss, each with its own backward (no p - y shortcut: the loss hands
-y / n to the log-softmax, whose backward is g - softmax * sum(g)). Three tanh hidden layers
(4 -> 8 -> 8 -> 6 -> 3), mean cross-entropy, heavy-ball momentum, shuffled mini-batches."""

import numpy as np


class Linear:
    def __init__(self, n_in, n_out, rng):
        self.W = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_out))
        self.b = np.zeros(n_out)

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, g):
        self.dW = self.x.T @ g
        self.db = g.sum(axis=0)
        return g @ self.W.T


class Tanh:
    def forward(self, x):
        self.y = np.tanh(x)
        return self.y

    def backward(self, g):
        return g * (1.0 - self.y) * (1.0 + self.y)


class LogSoftmax:
    def forward(self, z):
        shifted = z - z.max(axis=1, keepdims=True)
        self.out = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return self.out

    def backward(self, g):
        return g - np.exp(self.out) * g.sum(axis=1, keepdims=True)


class NLL:
    def forward(self, log_p, y):
        self.y = y
        return -np.sum(y * log_p) / len(y)

    def backward(self):
        return -self.y / len(self.y)


class Network:
    def __init__(self, X, y, hidden=(8, 8, 6), lr=0.1, mu=0.9):
        rng = np.random.default_rng(1818)
        sizes = [X.shape[1], *hidden, y.shape[1]]
        self.layers = []
        for k, (m, n) in enumerate(zip(sizes[:-1], sizes[1:])):
            self.layers.append(Linear(m, n, rng))
            if k < len(sizes) - 2:
                self.layers.append(Tanh())
        self.layers.append(LogSoftmax())
        self.criterion = NLL()
        self.lr, self.mu = lr, mu
        self.velocity = {}

    def train_step(self, X, y):
        out = X
        for layer in self.layers:
            out = layer.forward(out)
        loss = self.criterion.forward(out, y)
        g = self.criterion.backward()
        for layer in reversed(self.layers):
            g = layer.backward(g)
        for k, layer in enumerate(self.layers):
            if isinstance(layer, Linear):
                for name in ("W", "b"):
                    v = self.velocity.setdefault((k, name), np.zeros_like(getattr(layer, name)))
                    v *= self.mu
                    v += getattr(layer, "d" + name)
                    getattr(layer, name)[...] -= self.lr * v
        return loss
