"""Three-hidden-layer tanh regressor in NumPy (4 -> 8 -> 8 -> 8 -> 2, linear output, half mean
squared error, plain gradient descent). Weights (in, out) and biases in two parallel lists;
biases start at zero."""

import numpy as np


class DeepTanhRegressor:
    def __init__(self, sizes=(4, 8, 8, 8, 2), lr=0.05, seed=16):
        rng = np.random.default_rng(seed)
        self.W = [rng.normal(0.0, 1.0 / np.sqrt(a), (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.b = [np.zeros(b) for b in sizes[1:]]
        self.lr = lr

    def forward(self, X):
        self.acts = [X]
        a = X
        last = len(self.W) - 1
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            z = a @ W + b
            a = z if i == last else np.tanh(z)
            self.acts.append(a)
        return a

    def loss(self, X, y):
        return 0.5 * np.mean((self.forward(X) - y) ** 2)

    def train_step(self, X, y):
        out = self.forward(X)
        loss = 0.5 * np.mean((out - y) ** 2)
        delta = (out - y) / y.size
        for i in reversed(range(len(self.W))):
            gW = self.acts[i].T @ delta
            gb = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.W[i].T) * (1.0 - self.acts[i] ** 2)
            self.W[i] -= self.lr * gW
            self.b[i] -= self.lr * gb
        return float(loss)
