"""NumPy sigmoid network (4 -> 6 -> 1, sigmoid output, summed squared error, heavy-ball
momentum v = mu v + g; W -= lr v). The velocities were created with np.ones_like where
np.zeros_like was meant (one letter of completion apart): every velocity starts at 1, so the
first step moves each parameter by lr * (mu + g) instead of lr * g, and the surplus
lr * mu^t lingers, decaying, in every later step."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class MomentumNet:
    def __init__(self, X, y, n_hidden=6, lr=0.05, mu=0.9):
        rng = np.random.default_rng(1312)
        self.weights1 = rng.random((X.shape[1], n_hidden))
        self.bias1 = np.zeros(n_hidden)
        self.weights2 = rng.random((n_hidden, 1))
        self.bias2 = np.zeros(1)
        self.lr, self.mu = lr, mu
        names = ("weights1", "bias1", "weights2", "bias2")
        self.velocity = {k: np.ones_like(getattr(self, k)) for k in names}   # BUG: start at rest: np.zeros_like(getattr(self, k))

    def train_step(self, X, y):
        layer1 = sigmoid(X @ self.weights1 + self.bias1)
        output = sigmoid(layer1 @ self.weights2 + self.bias2)
        loss = float(np.sum((output - y) ** 2))
        d2 = 2.0 * (output - y) * output * (1.0 - output)
        d1 = (d2 @ self.weights2.T) * layer1 * (1.0 - layer1)
        grads = {"weights1": X.T @ d1, "bias1": d1.sum(axis=0),
                 "weights2": layer1.T @ d2, "bias2": d2.sum(axis=0)}
        for k, g in grads.items():
            v = self.velocity[k]
            v *= self.mu
            v += g
            param = getattr(self, k)
            param -= self.lr * v
        return loss
