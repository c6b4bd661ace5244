"""A tanh hidden layer, a sigmoid output, binary cross-entropy averaged over the batch.

    parity check examples/tanh_hidden.py:TanhNet --step "net.train(X, y)" --hidden-activation tanh --loss bce --lr 0.5 --output out
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class TanhNet:
    def __init__(self, X, y, n_hidden=5, lr=0.5):
        np.random.seed(3)
        self.W1 = np.random.randn(X.shape[1], n_hidden) * 0.3
        self.b1 = np.zeros((1, n_hidden))
        self.W2 = np.random.randn(n_hidden, 1) * 0.3
        self.b2 = np.zeros((1, 1))
        self.lr = lr

    def train(self, X, y):
        z1 = X @ self.W1 + self.b1
        a1 = np.tanh(z1)
        self.out = sigmoid(a1 @ self.W2 + self.b2)
        m = X.shape[0]
        dz2 = (self.out - y) / m                    # BCE on a sigmoid: σ' cancels
        dW2, db2 = a1.T @ dz2, dz2.sum(axis=0, keepdims=True)
        dz1 = (dz2 @ self.W2.T) * (1 - a1 ** 2)     # tanh' = 1 - a²
        dW1, db1 = X.T @ dz1, dz1.sum(axis=0, keepdims=True)
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * db2
