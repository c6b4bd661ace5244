"""Robust two-output regressor in NumPy: 5 -> 16 -> 8 -> 2, two ReLU hidden layers, linear
output, Huber loss with DELTA = 2 averaged over every output, mini-batch gradient descent.
Weights (in, out) in a list, biases in a second list. PyTorch port: 03_robust_regressor_torch.py."""

import numpy as np

DELTA = 2.0
LR = 0.05


def huber(err, delta):
    small = np.abs(err) <= delta
    return np.where(small, 0.5 * err ** 2, delta * (np.abs(err) - 0.5 * delta))


def huber_grad(err, delta):
    return np.clip(err, -delta, delta)


class RobustRegressor:
    def __init__(self, sizes=(5, 16, 8, 2), seed=3):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, np.sqrt(2.0 / a), (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(b) for b in sizes[1:]]

    def forward(self, X):
        acts = [X]
        for i, (W, b) in enumerate(zip(self.weights, self.biases)):
            z = acts[-1] @ W + b
            acts.append(z if i == len(self.weights) - 1 else np.maximum(z, 0.0))
        return acts

    def train_step(self, X, y):
        acts = self.forward(X)
        err = acts[-1] - y
        loss = huber(err, DELTA).mean()
        delta = huber_grad(err, DELTA) / err.size
        for i in reversed(range(len(self.weights))):
            gW = acts[i].T @ delta
            gb = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.weights[i].T) * (acts[i] > 0)
            self.weights[i] -= LR * gW
            self.biases[i] -= LR * gb
        return float(loss)
