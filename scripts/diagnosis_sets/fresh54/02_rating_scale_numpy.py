"""Rating regressor in NumPy: 4 -> 8 tanh -> 1, the output squashed into the rating scale
[A, B] = [1, 5] as A + (B - A) * sigmoid(z), mean squared error, plain gradient descent.

    X: (n, 4), y: (n, 1) in [1, 5]
"""

import numpy as np

A, B = 1.0, 5.0
LR = 0.1


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class RatingNet:
    def __init__(self, n_in=4, hidden=8, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.5, (hidden, 1))
        self.b2 = np.zeros(1)

    def train_step(self, X, y):
        n = len(X)
        h = np.tanh(X @ self.W1 + self.b1)
        z = h @ self.W2 + self.b2
        s = sigmoid(z)
        out = A + (B - A) * s
        loss = np.mean((out - y) ** 2)

        dout = 2.0 * (out - y) / n
        dz = dout * (B - A) * s * (1.0 - s)
        dW2 = h.T @ dz
        db2 = dz.sum(axis=0)
        dh = dz @ self.W2.T * (1.0 - h ** 2)
        dW1 = X.T @ dh
        db1 = dh.sum(axis=0)

        self.W1 -= LR * dW1
        self.b1 -= LR * db1
        self.W2 -= LR * dW2
        self.b2 -= LR * db2
        return float(loss)
