"""Blog-post NumPy network written with error = y - output and W += lr * gradient (sigmoid
hidden and output layers, 0.5 * sum of squared errors). The code keeps both output_error and
output_delta, and the hidden error is back-propagated from the wrong one:
output_error @ W2.T, the raw error without the output's sigmoid derivative, instead of
output_delta @ W2.T. The output layer's own update is right."""

import numpy as np


def sigmoid(x, deriv=False):
    if deriv:
        return x * (1 - x)
    return 1 / (1 + np.exp(-x))


class Network:
    def __init__(self, X, y, hidden=4, learning_rate=0.5):
        rng = np.random.default_rng(15)
        self.syn0 = 2 * rng.random((X.shape[1], hidden)) - 1
        self.syn1 = 2 * rng.random((hidden, 1)) - 1
        self.learning_rate = learning_rate

    def train(self, X, y):
        l0 = X
        l1 = sigmoid(l0 @ self.syn0)
        l2 = sigmoid(l1 @ self.syn1)

        l2_error = y - l2
        l2_delta = l2_error * sigmoid(l2, deriv=True)
        l1_error = l2_error @ self.syn1.T   # BUG: l2_delta @ self.syn1.T
        l1_delta = l1_error * sigmoid(l1, deriv=True)

        self.syn1 += self.learning_rate * (l1.T @ l2_delta)
        self.syn0 += self.learning_rate * (l0.T @ l1_delta)
        return float(0.5 * np.sum(l2_error ** 2))
