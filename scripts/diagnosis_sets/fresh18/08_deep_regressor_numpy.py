"""Three-hidden-layer tanh regressor in NumPy (4 -> 6 -> 7 -> 8 -> 2, linear output, mean
squared error, plain gradient descent at 0.05). Weights (in, out) and biases in two lists."""

import numpy as np


class DeepTanhRegressor:
    def __init__(self, sizes=(4, 6, 7, 8, 2), lr=0.05, seed=8):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, 1.0 / np.sqrt(a), (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(b) for b in sizes[1:]]
        self.lr = lr

    def forward(self, X):
        acts = [X]
        for i, (W, b) in enumerate(zip(self.weights, self.biases)):
            z = acts[-1] @ W + b
            acts.append(z if i == len(self.weights) - 1 else np.tanh(z))
        return acts

    def loss(self, X, y):
        return float(np.mean((self.forward(X)[-1] - y) ** 2))

    def train_step(self, X, y):
        acts = self.forward(X)
        out = acts[-1]
        loss = np.mean((out - y) ** 2)
        delta = 2.0 * (out - y) / out.size
        grads = []
        for i in reversed(range(len(self.weights))):
            grads.append((acts[i].T @ delta, delta.sum(axis=0)))
            if i > 0:
                delta = (delta @ self.weights[i].T) * (1.0 - acts[i] ** 2)
        for (gW, gb), W, b in zip(reversed(grads), self.weights, self.biases):
            W -= self.lr * gW
            b -= self.lr * gb
        return float(loss)
