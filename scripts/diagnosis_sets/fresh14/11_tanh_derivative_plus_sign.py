"""NumPy regressor with two tanh hidden layers (4 -> 8 -> 6 -> 1, linear output, half the sum
of squared errors, plain gradient descent). The tanh derivative helper has a sign typo:
1 + a^2 instead of 1 - a^2, so every hidden delta is multiplied by a factor between 1 and 2
(growing with the unit's saturation) instead of one between 0 and 1, in both hidden layers."""

import numpy as np


def dtanh(a):
    return 1.0 + a ** 2   # BUG: tanh'(z) = 1 - tanh(z)^2: 1.0 - a ** 2


class DeepTanh:
    def __init__(self, X, y, sizes=(8, 6), lr=0.01):
        rng = np.random.default_rng(1411)
        dims = [X.shape[1], *sizes, 1]
        self.weights = [rng.uniform(-0.6, 0.6, (a, b)) for a, b in zip(dims[:-1], dims[1:])]
        self.biases = [np.zeros(b) for b in dims[1:]]
        self.lr = lr

    def train_step(self, X, y):
        acts = [X]
        for i, (W, b) in enumerate(zip(self.weights, self.biases)):
            z = acts[-1] @ W + b
            acts.append(z if i == len(self.weights) - 1 else np.tanh(z))
        delta = acts[-1] - y
        for i in reversed(range(len(self.weights))):
            gW = acts[i].T @ delta
            gb = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.weights[i].T) * dtanh(acts[i])
            self.weights[i] -= self.lr * gW
            self.biases[i] -= self.lr * gb
        return float(0.5 * np.sum((acts[-1] - y) ** 2))
