"""NumPy half of a correct pair: two hidden layers (8, 6), sigmoid, mean squared error, heavy-ball
momentum 0.9 (velocities start at zero), biases (h,). Port: 09_pair_momentum_torch.py."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class DeepMomentum:
    def __init__(self, X, y, sizes=(8, 6), lr=0.5, mu=0.9):
        rng = np.random.default_rng(6)
        dims = [X.shape[1], *sizes, y.shape[1]]
        self.W = [rng.normal(0, 1 / np.sqrt(a), (a, b)) for a, b in zip(dims[:-1], dims[1:])]
        self.b = [np.zeros(b) for b in dims[1:]]
        self.velocity = {"W": [np.zeros_like(w) for w in self.W], "b": [np.zeros_like(b) for b in self.b]}
        self.lr, self.mu = lr, mu

    def train_step(self, X, y):
        acts = [X]
        for W, b in zip(self.W, self.b):
            acts.append(sigmoid(acts[-1] @ W + b))
        out = acts[-1]
        loss = np.mean((out - y) ** 2)
        delta = 2 * (out - y) / y.size * out * (1 - out)
        for i in reversed(range(len(self.W))):
            gW, gb = acts[i].T @ delta, delta.sum(axis=0)
            if i:
                delta = (delta @ self.W[i].T) * acts[i] * (1 - acts[i])
            self.velocity["W"][i] = self.mu * self.velocity["W"][i] + gW
            self.velocity["b"][i] = self.mu * self.velocity["b"][i] + gb
            self.W[i] -= self.lr * self.velocity["W"][i]
            self.b[i] -= self.lr * self.velocity["b"][i]
        return float(loss)
