"""Two-moons network from a blog post, kept as written: the rows of each batch are shuffled
together with their labels (stacked into one table) before the pass, the sigmoid derivative is
taken from the pre-activation as sigma(z) sigma(-z) in log space, summed binary cross-entropy,
weights stored (out, in) in a list of layer dicts, plain gradient descent."""

import numpy as np


def sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


def sigmoid_slope(z):
    return np.exp(-np.logaddexp(0.0, z) - np.logaddexp(0.0, -z))


class ShuffledMoons:
    def __init__(self, X, y, hidden=6, lr=0.05, seed=18):
        self.rng = np.random.default_rng(seed)
        self.layers = [
            {"W": self.rng.normal(0.0, 1.0, (hidden, X.shape[1])), "b": np.zeros(hidden)},
            {"W": self.rng.normal(0.0, 1.0, (1, hidden)), "b": np.zeros(1)},
        ]
        self.lr = lr

    def train_step(self, X, y):
        table = np.hstack([X, y])
        self.rng.shuffle(table)
        X, y = table[:, :-1], table[:, -1:]
        hidden, output = self.layers
        z1 = X @ hidden["W"].T + hidden["b"]
        a1 = sigmoid(z1)
        p = sigmoid(a1 @ output["W"].T + output["b"])
        loss = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))
        d2 = p - y
        d1 = (d2 @ output["W"]) * sigmoid_slope(z1)
        output["W"] -= self.lr * (d2.T @ a1)
        output["b"] -= self.lr * d2.sum(axis=0)
        hidden["W"] -= self.lr * (d1.T @ X)
        hidden["b"] -= self.lr * d1.sum(axis=0)
        return float(loss)
