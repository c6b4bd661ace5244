"""The course-notes layout: samples as columns, W of shape (out, in), b of shape (out, 1); tanh, sigmoid, cross-entropy.

Everything is transposed with respect to the kit: X is (features, m), A2 is
(1, m), W1 is (hidden, features). The kit finds the weights stored (out, in)
by their shapes and reads them as W1.T, W2.T.

    parity check examples/columns_layout.py:ShallowNet --init "ShallowNet(X.T, y.T)" --step "net.iterate(X.T, y.T)" \\
        --hidden-activation tanh --loss bce --lr 1.2 --output A2.T
"""

import numpy as np


class ShallowNet:
    def __init__(self, X, Y, n_h=4, learning_rate=1.2):
        n_x, n_y = X.shape[0], Y.shape[0]
        np.random.seed(2)
        self.parameters = {
            "W1": np.random.randn(n_h, n_x) * 0.01,
            "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 0.01,
            "b2": np.zeros((n_y, 1)),
        }
        self.learning_rate = learning_rate

    def forward_propagation(self, X):
        p = self.parameters
        Z1 = p["W1"] @ X + p["b1"]
        A1 = np.tanh(Z1)
        Z2 = p["W2"] @ A1 + p["b2"]
        self.A2 = 1 / (1 + np.exp(-Z2))
        return A1

    def iterate(self, X, Y):
        m = X.shape[1]
        A1 = self.forward_propagation(X)
        p = self.parameters
        dZ2 = self.A2 - Y
        dW2 = dZ2 @ A1.T / m
        db2 = np.sum(dZ2, axis=1, keepdims=True) / m
        dZ1 = (p["W2"].T @ dZ2) * (1 - np.power(A1, 2))
        dW1 = dZ1 @ X.T / m
        db1 = np.sum(dZ1, axis=1, keepdims=True) / m
        p["W1"] = p["W1"] - self.learning_rate * dW1
        p["b1"] = p["b1"] - self.learning_rate * db1
        p["W2"] = p["W2"] - self.learning_rate * dW2
        p["b2"] = p["b2"] - self.learning_rate * db2
