"""train_step still carries the inner loop of an earlier 'train until converged' version,
left at two iterations: every call makes two gradient steps on the batch instead of one."""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class TwoPass:
    def __init__(self, X, y, hidden=4, learning_rate=0.5, inner_iters=2):
        rng = np.random.default_rng(9)
        self.weights_ih = rng.random((X.shape[1], hidden)) - 0.5
        self.bias_h = np.zeros((1, hidden))
        self.weights_ho = rng.random((hidden, 1)) - 0.5
        self.bias_o = np.zeros((1, 1))
        self.learning_rate = learning_rate
        self.inner_iters = inner_iters

    def train_step(self, X, y):
        for _ in range(self.inner_iters):       # BUG: inner_iters should be 1 (one update per step)
            hidden = sigmoid(X @ self.weights_ih + self.bias_h)
            output = sigmoid(hidden @ self.weights_ho + self.bias_o)
            d_out = 2 * (output - y) * output * (1 - output)
            d_hid = d_out @ self.weights_ho.T * hidden * (1 - hidden)
            self.weights_ho -= self.learning_rate * hidden.T @ d_out
            self.bias_o -= self.learning_rate * d_out.sum(axis=0, keepdims=True)
            self.weights_ih -= self.learning_rate * X.T @ d_hid
            self.bias_h -= self.learning_rate * d_hid.sum(axis=0, keepdims=True)
        return output
