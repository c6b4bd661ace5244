"""Blog-post NumPy network: tanh hidden layer, sigmoid output, binary cross-entropy, plain
gradient descent, with a cache of z1, a1, z2, a2. The output weight's gradient is built from
the cached pre-activation z1 instead of the activation a1 = tanh(z1) that the output layer
actually receives (the two cache entries mixed up)."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class NeuralNet:
    def __init__(self, X, y, n_hidden=6, learning_rate=0.5):
        rng = np.random.default_rng(9)
        self.W1 = rng.standard_normal((X.shape[1], n_hidden)) * 0.5
        self.b1 = np.zeros((1, n_hidden))
        self.W2 = rng.standard_normal((n_hidden, y.shape[1])) * 0.5
        self.b2 = np.zeros((1, y.shape[1]))
        self.learning_rate = learning_rate
        self.cache = {}

    def forward(self, X):
        z1 = X @ self.W1 + self.b1
        a1 = np.tanh(z1)
        z2 = a1 @ self.W2 + self.b2
        a2 = sigmoid(z2)
        self.cache = {"z1": z1, "a1": a1, "z2": z2, "a2": a2}
        return a2

    def backward(self, X, y):
        n = X.shape[0]
        c = self.cache
        dz2 = (c["a2"] - y) / n
        dW2 = c["z1"].T @ dz2   # BUG: c["a1"].T @ dz2
        db2 = dz2.sum(axis=0, keepdims=True)
        dz1 = (dz2 @ self.W2.T) * (1 - c["a1"] ** 2)
        dW1 = X.T @ dz1
        db1 = dz1.sum(axis=0, keepdims=True)
        return dW1, db1, dW2, db2

    def train_step(self, X, y):
        a2 = self.forward(X)
        dW1, db1, dW2, db2 = self.backward(X, y)
        self.W1 -= self.learning_rate * dW1
        self.b1 -= self.learning_rate * db1
        self.W2 -= self.learning_rate * dW2
        self.b2 -= self.learning_rate * db2
        eps = 1e-12
        return float(-np.mean(y * np.log(a2 + eps) + (1 - y) * np.log(1 - a2 + eps)))
