"""XOR with a small tanh network, written for a course exercise: the classic 3-column XOR table,
5 tanh hidden units with biases, a sigmoid output unit, mean binary cross-entropy, batch gradient
descent at 0.5. Weights and biases are kept in lists, one entry per layer."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class XorTanhNetwork:
    def __init__(self, sizes=(3, 5, 1), lr=0.5, seed=15):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, 1.0, (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(b) for b in sizes[1:]]
        self.lr = lr

    def step(self, X, y):
        W1, W2 = self.weights
        b1, b2 = self.biases
        hidden = np.tanh(X @ W1 + b1)
        out = sigmoid(hidden @ W2 + b2)

        delta_out = (out - y) / len(X)
        delta_hidden = delta_out * (1.0 - hidden ** 2)   # BUG: delta_hidden = (delta_out @ W2.T) * (1.0 - hidden ** 2)

        grads_w = [X.T @ delta_hidden, hidden.T @ delta_out]
        grads_b = [delta_hidden.sum(axis=0), delta_out.sum(axis=0)]
        for i in range(2):
            self.weights[i] -= self.lr * grads_w[i]
            self.biases[i] -= self.lr * grads_b[i]
