"""A small fully connected network from scratch with its layers in lists: tanh hidden layers, a
sigmoid output unit, mean binary cross-entropy, gradient descent. Any depth: widths=(8, 6)
gives 5 -> 8 -> 6 -> 1 for five inputs."""

import numpy as np


class LayerListNet:
    def __init__(self, X, y, widths=(8, 6), lr=0.5):
        rng = np.random.default_rng(16)
        sizes = [X.shape[1], *widths, y.shape[1]]
        self.weights = [rng.normal(0.0, 1.0 / np.sqrt(m), (m, k)) for m, k in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(k) for k in sizes[1:]]
        self.lr = lr

    def train_step(self, X, y):
        acts = [X]
        for i, (W, b) in enumerate(zip(self.weights, self.biases)):
            z = acts[-1] @ W + b
            acts.append(np.tanh(z) if i < len(self.weights) - 1 else 1.0 / (1.0 + np.exp(-z)))
        p = acts[-1]
        loss = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))

        delta = (p - y) / len(X)
        for i in range(len(self.weights) - 1, 0, -1):   # BUG: for i in range(len(self.weights) - 1, -1, -1):
            gW = acts[i].T @ delta
            gb = delta.sum(axis=0)
            delta = (delta @ self.weights[i].T) * (1.0 - acts[i] ** 2)
            self.weights[i] -= self.lr * gW
            self.biases[i] -= self.lr * gb
        return float(loss)
