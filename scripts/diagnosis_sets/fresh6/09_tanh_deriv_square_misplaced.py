"""NumPy binary classifier with its parameters in a dict (tanh hidden layer, sigmoid
output, binary cross-entropy, plain gradient descent). The helper for the tanh derivative
squares the wrong term: (1 - a) ** 2 instead of 1 - a ** 2."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def dtanh(a):
    """Derivative of tanh, from its output a = tanh(z)."""
    return (1 - a) ** 2   # BUG: 1 - a ** 2


class TanhClassifier:
    def __init__(self, X, y, n_hidden=6, lr=0.5):
        rng = np.random.default_rng(9)
        self.params = {
            "W1": rng.normal(0, 1 / np.sqrt(X.shape[1]), (X.shape[1], n_hidden)),
            "b1": np.zeros(n_hidden),
            "W2": rng.normal(0, 1 / np.sqrt(n_hidden), (n_hidden, y.shape[1])),
            "b2": np.zeros(y.shape[1]),
        }
        self.lr = lr

    def forward(self, X):
        p = self.params
        a1 = np.tanh(X @ p["W1"] + p["b1"])
        a2 = sigmoid(a1 @ p["W2"] + p["b2"])
        return a1, a2

    def train_step(self, X, y):
        p = self.params
        a1, a2 = self.forward(X)
        n = X.shape[0]
        dz2 = (a2 - y) / n
        dz1 = (dz2 @ p["W2"].T) * dtanh(a1)
        grads = {"W2": a1.T @ dz2, "b2": dz2.sum(axis=0), "W1": X.T @ dz1, "b1": dz1.sum(axis=0)}
        for k in p:
            p[k] -= self.lr * grads[k]
        eps = 1e-12
        return float(-np.mean(y * np.log(a2 + eps) + (1 - y) * np.log(1 - a2 + eps)))
