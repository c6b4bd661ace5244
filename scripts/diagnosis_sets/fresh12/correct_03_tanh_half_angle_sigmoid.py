"""Correct NumPy network in an unusual style: a sigmoid network (5 -> 7 -> 1, sigmoid hidden and
output, summed binary cross-entropy, plain gradient descent) with its weights stored (out, in)
and its biases as (h, 1) columns, processing the batch as columns. The sigmoid is written
through the half-angle identity sigmoid(z) = (1 + tanh(z / 2)) / 2, its derivative as
(1 - tanh(z / 2)^2) / 4, and the output delta is sigmoid(z) - y taken from the logit."""

import numpy as np


def half_tanh(z):
    return np.tanh(0.5 * z)


class HalfAngleNet:
    def __init__(self, X, y, n_hidden=7, lr=0.05):
        rng = np.random.default_rng(1203)
        self.w_hidden = rng.normal(0, 0.5, (n_hidden, X.shape[1]))
        self.b_hidden = np.zeros((n_hidden, 1))
        self.w_out = rng.normal(0, 0.5, (1, n_hidden))
        self.b_out = np.zeros((1, 1))
        self.lr = lr

    def train_step(self, X, y):
        A0, Y = X.T, y.T
        t1 = half_tanh(self.w_hidden @ A0 + self.b_hidden)
        A1 = 0.5 * (1.0 + t1)
        z2 = self.w_out @ A1 + self.b_out
        A2 = 0.5 * (1.0 + half_tanh(z2))
        loss = float(np.sum(np.logaddexp(0.0, z2) - Y * z2))
        dZ2 = A2 - Y
        dZ1 = (self.w_out.T @ dZ2) * 0.25 * (1.0 - t1 ** 2)
        self.w_out = self.w_out - self.lr * dZ2 @ A1.T
        self.b_out = self.b_out - self.lr * dZ2.sum(axis=1, keepdims=True)
        self.w_hidden = self.w_hidden - self.lr * dZ1 @ A0.T
        self.b_hidden = self.b_hidden - self.lr * dZ1.sum(axis=1, keepdims=True)
        return loss
