"""NumPy network with two sigmoid hidden layers, weights and biases in lists, summed
squared error. The sigmoid is written 1 / (1 + exp(z)), which is sigmoid(-z); the
derivative a (1 - a) is the same, so the backward pass has the wrong sign for every layer."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(z))   # BUG: exp(-z)


def sigmoid_prime(a):
    return a * (1.0 - a)


class DeepNet:
    def __init__(self, X, y, sizes=(5, 4), lr=0.5):
        rng = np.random.default_rng(8)
        dims = [X.shape[1], *sizes, y.shape[1]]
        self.weights = [rng.normal(0, 0.6, (a, b)) for a, b in zip(dims[:-1], dims[1:])]
        self.biases = [np.zeros(b) for b in dims[1:]]
        self.lr = lr

    def train_step(self, X, y):
        acts = [X]
        for W, b in zip(self.weights, self.biases):
            acts.append(sigmoid(acts[-1] @ W + b))
        delta = 2 * (acts[-1] - y) * sigmoid_prime(acts[-1])
        for i in reversed(range(len(self.weights))):
            gW = acts[i].T @ delta
            gb = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.weights[i].T) * sigmoid_prime(acts[i])
            self.weights[i] -= self.lr * gW
            self.biases[i] -= self.lr * gb
        return float(np.sum((acts[-1] - y) ** 2))
