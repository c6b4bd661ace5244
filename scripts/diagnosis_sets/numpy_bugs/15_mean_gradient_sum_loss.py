"""The loss is the sum of squared errors; the gradient was taken of the mean (divided by n)."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


class SSENet:
    def __init__(self, X, y, hidden=5, lr=0.5):
        rng = np.random.default_rng(12)
        self.weights = [rng.normal(0, 1, (X.shape[1], hidden)), rng.normal(0, 1, (hidden, y.shape[1]))]
        self.biases = [np.zeros(hidden), np.zeros(y.shape[1])]
        self.lr = lr

    def loss(self, X, y):
        return np.sum((self.forward(X)[-1] - y) ** 2)

    def forward(self, X):
        acts = [X]
        for W, b in zip(self.weights, self.biases):
            acts.append(sigmoid(acts[-1] @ W + b))
        return acts

    def update(self, X, y):
        acts = self.forward(X)
        out = acts[-1]
        delta = 2 * (out - y) / len(X) * out * (1 - out)     # BUG: /len(X) for a summed loss
        for i in reversed(range(len(self.weights))):
            gW, gb = acts[i].T @ delta, delta.sum(axis=0)
            if i:
                delta = (delta @ self.weights[i].T) * acts[i] * (1 - acts[i])
            self.weights[i] -= self.lr * gW
            self.biases[i] -= self.lr * gb
